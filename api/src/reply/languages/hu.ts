import type { LanguageStrings } from './language.js';

export const hu: LanguageStrings = {
  code: 'hu',
  header: {
    from: ['Feladó'],
    sent: ['Elküldve', 'Küldve', 'Dátum'],
    to: ['Címzett'],
    cc: ['Másolat', 'Másolatot kap'],
    subject: ['Tárgy'],
  },
  wrote: ['írta'],
  originalMessage: ['Eredeti üzenet'],
  forwardedMessage: ['Továbbított üzenet'],
  forwardIntro: ['Továbbított levél kezdete', 'Továbbított üzenet kezdete'],
  deviceFooters: ['Elküldve', 'Küldve', 'Az Outlook letöltése'],
  autoReplySubjects: ['Automatikus válasz', 'Házon kívül', 'Irodán kívül'],
  awayWording: ['irodán kívül', 'házon kívül', 'szabadságon', 'visszatérek'],
  bounceSubjects: ['Kézbesíthetetlen', 'Nem kézbesíthető', 'Kézbesítési hiba'],
  bounceWording: [
    'nem kézbesíthető',
    'nem sikerült kézbesíteni',
    'kézbesíthetetlen',
    'ismeretlen címzett',
    'a postafiók megtelt',
  ],
  replyPrefixes: ['Vá', 'RE'],
  forwardPrefixes: ['Továbbítás', 'Fw', 'Fwd'],
  replyAboveLine: ['e sor fölé', 'a sor fölé'],
};
