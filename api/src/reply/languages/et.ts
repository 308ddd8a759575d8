import type { LanguageStrings } from './language.js';

export const et: LanguageStrings = {
  code: 'et',
  header: {
    from: ['Saatja', 'Kellelt'],
    sent: ['Saadetud', 'Kuupäev'],
    to: ['Adressaat', 'Saaja', 'Kellele'],
    cc: ['Koopia'],
    subject: ['Teema'],
  },
  wrote: ['kirjutas'],
  originalMessage: ['Algne sõnum'],
  forwardedMessage: ['Edastatud sõnum', 'Edastatud kiri'],
  forwardIntro: ['Edastatud kirja algus'],
  deviceFooters: ['Saadetud minu', 'Saadetud seadmest', 'Hankige Outlook'],
  autoReplySubjects: ['Automaatvastus', 'Automaatne vastus', 'Kontorist väljas'],
  awayWording: ['kontorist väljas', 'puhkusel', 'olen tagasi'],
  bounceSubjects: ['Kättetoimetamatu', 'Ei saanud kätte toimetada'],
  bounceWording: ['ei saanud kätte toimetada', 'kättetoimetamatu', 'tundmatu adressaat'],
  replyPrefixes: ['Vs', 'RE'],
  forwardPrefixes: ['Edasta', 'FW'],
};
