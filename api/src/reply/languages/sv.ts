import type { LanguageStrings } from './language.js';

export const sv: LanguageStrings = {
  code: 'sv',
  header: {
    from: ['Från', 'Avsändare'],
    sent: ['Skickat', 'Skickades', 'Datum'],
    to: ['Till', 'Mottagare'],
    cc: ['Kopia', 'Cc'],
    subject: ['Ämne'],
    replyTo: ['Svara till'],
  },
  wrote: ['skrev'],
  attributionOpeners: ['Den'],
  originalMessage: ['Ursprungligt meddelande', 'Originalmeddelande'],
  forwardedMessage: ['Vidarebefordrat meddelande'],
  forwardIntro: ['Vidarebefordrat brev', 'Vidarebefordrat meddelande'],
  deviceFooters: ['Skickat från', 'Skickat med', 'Hämta Outlook för'],
  autoReplySubjects: ['Autosvar', 'Automatiskt svar', 'Frånvaro', 'Frånvarande'],
  awayWording: ['frånvarande', 'på semester', 'inte på kontoret', 'tillbaka den', 'är tillbaka'],
  bounceSubjects: ['Olevererbart', 'Kan inte levereras', 'Ej levererat', 'Leveransfel'],
  bounceWording: [
    'kunde inte levereras',
    'kan inte levereras',
    'olevererbart',
    'okänd mottagare',
    'brevlådan är full',
  ],
  replyPrefixes: ['SV'],
  forwardPrefixes: ['VB', 'VS', 'FW'],
  replyAboveLine: ['ovanför den här raden', 'ovanför denna rad'],
};
