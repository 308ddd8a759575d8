import type { LanguageStrings } from './language.js';

export const is: LanguageStrings = {
  code: 'is',
  header: {
    from: ['Frá', 'Sendandi'],
    sent: ['Sent', 'Dagsetning'],
    to: ['Til', 'Viðtakandi'],
    cc: ['Afrit'],
    subject: ['Efni'],
  },
  wrote: ['skrifaði'],
  originalMessage: ['Upprunaleg skilaboð'],
  forwardedMessage: ['Áframsend skilaboð'],
  deviceFooters: ['Sent úr'],
  autoReplySubjects: ['Sjálfvirkt svar'],
  awayWording: ['ekki við', 'í fríi'],
  bounceSubjects: ['Ekki hægt að afhenda'],
  bounceWording: ['ekki hægt að afhenda'],
  replyPrefixes: ['SV'],
  forwardPrefixes: ['FS'],
};
