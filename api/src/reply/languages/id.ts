import type { LanguageStrings } from './language.js';

export const id: LanguageStrings = {
  code: 'id',
  header: {
    from: ['Dari', 'Pengirim'],
    sent: ['Dikirim', 'Terkirim', 'Tanggal'],
    to: ['Kepada', 'Untuk'],
    cc: ['Cc', 'Tembusan'],
    subject: ['Subjek', 'Perihal'],
  },
  wrote: ['menulis'],
  attributionOpeners: ['Pada'],
  originalMessage: ['Pesan Asli', 'Pesan asli'],
  forwardedMessage: ['Pesan yang diteruskan', 'Pesan terusan'],
  forwardIntro: ['Awal pesan yang diteruskan'],
  deviceFooters: ['Dikirim dari'],
  autoReplySubjects: ['Balasan otomatis', 'Balasan Otomatis', 'Di luar kantor'],
  awayWording: ['di luar kantor', 'sedang cuti', 'akan kembali'],
  bounceSubjects: ['Tidak dapat dikirim', 'Pengiriman gagal'],
  bounceWording: ['tidak dapat dikirim', 'gagal dikirim', 'pengiriman gagal', 'penerima tidak dikenal'],
  replyPrefixes: ['Balas', 'RE'],
  forwardPrefixes: ['Teruskan', 'FW'],
};
