import type { LanguageStrings } from './language.js';

export const cs: LanguageStrings = {
  code: 'cs',
  header: {
    from: ['Od', 'Odesílatel'],
    sent: ['Odesláno', 'Datum'],
    to: ['Komu', 'Příjemce', 'Adresát'],
    cc: ['Kopie'],
    subject: ['Předmět'],
  },
  wrote: ['napsal', 'napsala', 'napsal(a)'],
  attributionOpeners: ['Dne', 'V'],
  originalMessage: ['Původní zpráva', 'Původní e-mail'],
  forwardedMessage: ['Přeposlaná zpráva', 'Přeposlaný e-mail'],
  forwardIntro: ['Začátek přeposlané zprávy'],
  deviceFooters: ['Odesláno z', 'Stáhněte si Outlook pro'],
  autoReplySubjects: ['Automatická odpověď', 'Nepřítomnost', 'Mimo kancelář'],
  awayWording: ['mimo kancelář', 'na dovolené', 'nepřítomen', 'nepřítomna', 'vrátím se'],
  bounceSubjects: ['Nedoručitelné', 'Nedoručeno', 'Nelze doručit'],
  bounceWording: [
    'nelze doručit',
    'nemohla být doručena',
    'nebyla doručena',
    'nedoručitelné',
    'neznámý příjemce',
  ],
  replyPrefixes: ['Odp', 'RE'],
  forwardPrefixes: ['PŘ', 'Fwd', 'FW'],
  replyAboveLine: ['nad tento řádek', 'nad tímto řádkem'],
};
