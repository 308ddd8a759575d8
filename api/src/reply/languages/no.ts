import type { LanguageStrings } from './language.js';

export const no: LanguageStrings = {
  code: 'no',
  header: {
    from: ['Fra', 'Avsender'],
    sent: ['Sendt', 'Dato'],
    to: ['Til', 'Mottaker'],
    cc: ['Kopi', 'Cc'],
    subject: ['Emne'],
    replyTo: ['Svar til'],
  },
  wrote: ['skrev', 'skrev følgende'],
  attributionOpeners: ['Den', 'På'],
  originalMessage: ['Opprinnelig melding', 'Originalmelding'],
  forwardedMessage: ['Videresendt melding'],
  forwardIntro: ['Videresendt melding', 'Start på videresendt melding'],
  deviceFooters: ['Sendt fra', 'Sendt med', 'Hent Outlook for'],
  autoReplySubjects: ['Autosvar', 'Automatisk svar', 'Fraværende', 'Ikke til stede'],
  awayWording: ['ikke på kontoret', 'på ferie', 'fraværende', 'tilbake den', 'er tilbake'],
  bounceSubjects: ['Kan ikke leveres', 'Ikke levert', 'Levering mislyktes'],
  bounceWording: [
    'kunne ikke leveres',
    'kan ikke leveres',
    'ikke levert',
    'ukjent mottaker',
    'postboksen er full',
  ],
  replyPrefixes: ['SV'],
  forwardPrefixes: ['VS', 'VB', 'FW'],
  replyAboveLine: ['over denne linjen'],
};
