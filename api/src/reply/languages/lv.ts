import type { LanguageStrings } from './language.js';

export const lv: LanguageStrings = {
  code: 'lv',
  header: {
    from: ['No', 'Sūtītājs'],
    sent: ['Nosūtīts', 'Datums'],
    to: ['Kam', 'Adresāts'],
    cc: ['Kopija'],
    subject: ['Tēma'],
  },
  wrote: ['rakstīja'],
  originalMessage: ['Sākotnējais ziņojums', 'Oriģinālais ziņojums'],
  forwardedMessage: ['Pārsūtīts ziņojums'],
  forwardIntro: ['Pārsūtītā ziņojuma sākums'],
  deviceFooters: ['Nosūtīts no'],
  autoReplySubjects: ['Automātiskā atbilde', 'Ārpus biroja atrašanās automātiskā atbilde', 'Ārpus biroja'],
  awayWording: ['ārpus biroja', 'atvaļinājumā', 'atgriezīšos'],
  bounceSubjects: ['Nevar piegādāt', 'Nepiegādāts'],
  bounceWording: ['nevarēja piegādāt', 'nav piegādāts', 'nepiegādājams'],
  replyPrefixes: ['Atb', 'RE'],
  forwardPrefixes: ['Pārs', 'FW'],
};
