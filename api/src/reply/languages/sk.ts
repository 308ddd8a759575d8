import type { LanguageStrings } from './language.js';

export const sk: LanguageStrings = {
  code: 'sk',
  header: {
    from: ['Od', 'Odosielateľ'],
    sent: ['Odoslané', 'Dátum'],
    to: ['Komu', 'Príjemca'],
    cc: ['Kópia'],
    subject: ['Predmet'],
  },
  wrote: ['napísal', 'napísala', 'napísal(a)'],
  attributionOpeners: ['Dňa', 'V'],
  originalMessage: ['Pôvodná správa'],
  forwardedMessage: ['Preposlaná správa', 'Preposlaný e-mail'],
  forwardIntro: ['Začiatok preposlanej správy'],
  deviceFooters: ['Odoslané z', 'Stiahnite si Outlook pre'],
  autoReplySubjects: ['Automatická odpoveď', 'Neprítomnosť', 'Mimo kancelárie'],
  awayWording: ['mimo kancelárie', 'na dovolenke', 'neprítomný', 'neprítomná', 'vrátim sa'],
  bounceSubjects: ['Nedoručiteľné', 'Nedoručené', 'Nedá sa doručiť'],
  bounceWording: [
    'nedá sa doručiť',
    'nemohla byť doručená',
    'nebola doručená',
    'nedoručiteľné',
    'neznámy príjemca',
  ],
  replyPrefixes: ['Re', 'Odp'],
  forwardPrefixes: ['Fwd', 'PD', 'FW'],
  replyAboveLine: ['nad tento riadok'],
};
