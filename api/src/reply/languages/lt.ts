import type { LanguageStrings } from './language.js';

export const lt: LanguageStrings = {
  code: 'lt',
  header: {
    from: ['Nuo', 'Siuntėjas'],
    sent: ['Išsiųsta', 'Data'],
    to: ['Kam', 'Gavėjas'],
    cc: ['Kopija'],
    subject: ['Tema'],
  },
  wrote: ['rašė'],
  originalMessage: ['Pradinis laiškas', 'Originalus laiškas'],
  forwardedMessage: ['Persiųstas laiškas'],
  forwardIntro: ['Persiųsto laiško pradžia'],
  deviceFooters: ['Išsiųsta iš'],
  autoReplySubjects: ['Automatinis atsakymas', 'Ne biure'],
  awayWording: ['ne biure', 'atostogauju', 'grįšiu'],
  bounceSubjects: ['Nepristatyta', 'Negalima pristatyti'],
  bounceWording: ['nepavyko pristatyti', 'negalima pristatyti', 'nepristatyta'],
  replyPrefixes: ['Ats', 'RE'],
  forwardPrefixes: ['Pers', 'FW'],
};
