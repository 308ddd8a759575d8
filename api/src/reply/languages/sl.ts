import type { LanguageStrings } from './language.js';

export const sl: LanguageStrings = {
  code: 'sl',
  header: {
    from: ['Od', 'Pošiljatelj'],
    sent: ['Poslano', 'Datum'],
    to: ['Za', 'Prejemnik'],
    cc: ['Kp', 'Kopija'],
    subject: ['Zadeva'],
  },
  wrote: ['je napisal', 'je napisala', 'napisal', 'napisala'],
  attributionOpeners: ['Dne'],
  originalMessage: ['Izvirno sporočilo', 'Originalno sporočilo'],
  forwardedMessage: ['Posredovano sporočilo'],
  forwardIntro: ['Začetek posredovanega sporočila'],
  deviceFooters: ['Poslano iz', 'Poslano z'],
  autoReplySubjects: ['Samodejni odgovor', 'Odsotnost'],
  awayWording: ['odsoten', 'odsotna', 'na dopustu'],
  bounceSubjects: ['Ni mogoče dostaviti', 'Nedostavljivo'],
  bounceWording: ['ni mogoče dostaviti', 'ni bilo dostavljeno', 'nedostavljivo'],
  replyPrefixes: ['Odg', 'RE'],
  forwardPrefixes: ['Posr', 'FW'],
};
