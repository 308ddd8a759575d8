import type { LanguageStrings } from './language.js';

export const hr: LanguageStrings = {
  code: 'hr',
  header: {
    from: ['Od', 'Šalje', 'Pošiljatelj'],
    sent: ['Poslano', 'Datum'],
    to: ['Za', 'Prima', 'Primatelj'],
    cc: ['Kopija'],
    subject: ['Predmet'],
  },
  wrote: ['je napisao', 'je napisala', 'je napisao/la', 'napisao je', 'napisala je'],
  attributionOpeners: ['Dana'],
  originalMessage: ['Izvorna poruka', 'Originalna poruka'],
  forwardedMessage: ['Proslijeđena poruka'],
  forwardIntro: ['Početak proslijeđene poruke'],
  deviceFooters: ['Poslano s', 'Poslano sa', 'Preuzmite Outlook za'],
  autoReplySubjects: ['Automatski odgovor', 'Izvan ureda'],
  awayWording: ['izvan ureda', 'na godišnjem odmoru', 'vraćam se'],
  bounceSubjects: ['Neisporučivo', 'Nije isporučeno', 'Pogreška isporuke'],
  bounceWording: ['nije moguće isporučiti', 'nije isporučena', 'nije isporučeno', 'nepoznat primatelj'],
  replyPrefixes: ['Odg', 'RE'],
  forwardPrefixes: ['Prosl', 'FW'],
};
