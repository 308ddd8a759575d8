import type { LanguageStrings } from './language.js';

export const da: LanguageStrings = {
  code: 'da',
  header: {
    from: ['Fra', 'Afsender'],
    sent: ['Sendt', 'Dato'],
    to: ['Til', 'Modtager'],
    cc: ['Cc', 'Kopi'],
    subject: ['Emne'],
    replyTo: ['Svar til'],
  },
  wrote: ['skrev'],
  attributionOpeners: ['Den'],
  originalMessage: ['Oprindelig meddelelse', 'Original meddelelse', 'Oprindelig besked'],
  forwardedMessage: ['Videresendt meddelelse', 'Videresendt besked'],
  forwardIntro: ['Videresendt besked', 'Start på videresendt besked'],
  deviceFooters: ['Sendt fra', 'Sendt med', 'Hent Outlook til'],
  autoReplySubjects: ['Autosvar', 'Automatisk svar', 'Fraværende', 'Ikke til stede'],
  awayWording: ['ikke på kontoret', 'på ferie', 'fraværende', 'tilbage den', 'er tilbage'],
  bounceSubjects: ['Kan ikke leveres', 'Ikke leveret', 'Levering mislykkedes'],
  bounceWording: [
    'kunne ikke leveres',
    'kan ikke leveres',
    'ikke leveret',
    'ukendt modtager',
    'postkassen er fuld',
  ],
  replyPrefixes: ['SV'],
  forwardPrefixes: ['VS', 'FW'],
  replyAboveLine: ['over denne linje'],
};
