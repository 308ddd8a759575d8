import type { LanguageStrings } from './language.js';

// Serbian in Latin script, as Outlook writes it.
export const sr: LanguageStrings = {
  code: 'sr-Latn',
  header: {
    from: ['Od', 'Pošiljalac'],
    sent: ['Poslato', 'Datum'],
    to: ['Za', 'Prima'],
    cc: ['Kopija'],
    subject: ['Tema', 'Predmet'],
  },
  wrote: ['je napisao', 'je napisala', 'je napisao/la'],
  originalMessage: ['Originalna poruka', 'Izvorna poruka'],
  forwardedMessage: ['Prosleđena poruka'],
  deviceFooters: ['Poslato sa', 'Poslato iz'],
  autoReplySubjects: ['Automatski odgovor'],
  awayWording: ['van kancelarije', 'na godišnjem odmoru'],
  bounceSubjects: ['Nije moguće isporučiti'],
  bounceWording: ['nije moguće isporučiti', 'nije isporučena'],
  replyPrefixes: ['Odg'],
  forwardPrefixes: ['Prosl'],
};
