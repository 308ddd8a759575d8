import type { LanguageStrings } from './language.js';

export const de: LanguageStrings = {
  code: 'de',
  header: {
    from: ['Von', 'Absender'],
    sent: ['Gesendet', 'Datum', 'Gesendet am'],
    to: ['An', 'Empfänger'],
    cc: ['Cc', 'Kopie', 'Bcc'],
    subject: ['Betreff'],
    replyTo: ['Antwort an'],
  },
  wrote: ['schrieb', 'hat geschrieben'],
  attributionOpeners: ['Am', 'Zitat von'],
  originalMessage: ['Ursprüngliche Nachricht', 'Originalnachricht', 'Antwort Nachricht'],
  forwardedMessage: ['Weitergeleitete Nachricht'],
  forwardIntro: ['Anfang der weitergeleiteten Nachricht', 'Anfang der weitergeleiteten E-Mail'],
  deviceFooters: ['Von meinem', 'Gesendet von', 'Gesendet mit', 'Gesendet vom', 'Diese Nachricht wurde von meinem', 'Outlook für'],
  autoReplySubjects: ['Automatische Antwort', 'Urlaub', 'Abwesenheitsnotiz', 'Automatische Abwesenheitsnotiz', 'Abwesenheit'],
  awayWording: ['nicht im Büro', 'abwesend', 'außer Haus', 'im Urlaub', 'bin ich nicht erreichbar', 'wieder im Büro', 'wieder erreichbar'],
  bounceSubjects: ['Unzustellbar', 'Nicht zustellbar', 'Zustellung fehlgeschlagen', 'Unzustellbare Nachricht'],
  bounceWording: ['konnte nicht zugestellt werden', 'nicht zugestellt', 'unzustellbar', 'Zustellung fehlgeschlagen', 'Postfach voll', 'Empfänger unbekannt', 'unbekannter Empfänger'],
  replyPrefixes: ['AW'],
  forwardPrefixes: ['WG', 'Fwd'],
  replyAboveLine: ['oberhalb dieser Zeile', 'über dieser Zeile'],
};
