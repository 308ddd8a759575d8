import type { LanguageStrings } from './language.js';

export const tr: LanguageStrings = {
  code: 'tr',
  header: {
    from: ['Kimden', 'Gönderen'],
    sent: ['Gönderildi', 'Gönderilme', 'Tarih'],
    to: ['Kime', 'Alıcı'],
    cc: ['Bilgi', 'CC', 'Kopya'],
    subject: ['Konu'],
  },
  wrote: ['yazdı', 'şunu yazdı'],
  originalMessage: ['Orijinal mesaj', 'Özgün ileti', 'Asıl ileti'],
  forwardedMessage: ['İletilen ileti', 'Yönlendirilmiş mesaj', 'İletilmiş mesaj'],
  forwardIntro: ['İletilen ileti başlangıcı', 'Yönlendirilen mesajın başlangıcı'],
  deviceFooters: ["iPhone'umdan gönderildi"],
  autoReplySubjects: ['Otomatik yanıt', 'Otomatik cevap', 'Ofis dışında'],
  awayWording: ['ofis dışında', 'izindeyim', 'tatildeyim', 'döneceğim'],
  bounceSubjects: ['Teslim edilemedi', 'Teslim edilemeyen', 'Teslim hatası'],
  bounceWording: ['teslim edilemedi', 'teslim edilemiyor', 'bilinmeyen alıcı', 'posta kutusu dolu'],
  replyPrefixes: ['YNT', 'Cvp'],
  forwardPrefixes: ['İLT', 'FW', 'Fwd'],
  replyAboveLine: ['bu satırın üstüne'],
};
