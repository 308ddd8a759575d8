import type { LanguageStrings } from './language.js';

export const ro: LanguageStrings = {
  code: 'ro',
  header: {
    from: ['De la', 'Expeditor'],
    sent: ['Trimis', 'Dată', 'Data'],
    to: ['Către', 'Destinatar'],
    cc: ['Cc'],
    subject: ['Subiect'],
  },
  wrote: ['a scris'],
  attributionOpeners: ['În', 'Pe'],
  originalMessage: ['Mesaj original', 'Mesajul original'],
  forwardedMessage: ['Mesaj redirecționat', 'Mesaj redirecţionat'],
  forwardIntro: ['Începutul mesajului redirecționat', 'Începutul mesajului redirecţionat'],
  deviceFooters: ['Trimis de pe', 'Trimis din', 'Obțineți Outlook pentru'],
  autoReplySubjects: ['Răspuns automat', 'Raspuns automat', 'În afara biroului'],
  awayWording: ['în afara biroului', 'în concediu'],
  bounceSubjects: ['Nelivrabil', 'Nu s-a putut livra', 'Eroare de livrare'],
  bounceWording: ['nu a putut fi livrat', 'nu s-a putut livra', 'nelivrabil', 'destinatar necunoscut'],
  replyPrefixes: ['RE', 'Răsp'],
  forwardPrefixes: ['FW', 'Fwd', 'Redirecționare'],
};
