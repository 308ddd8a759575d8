import type { LanguageStrings } from './language.js';

export const ar: LanguageStrings = {
  code: 'ar',
  header: {
    from: ['من'],
    sent: ['تاريخ الإرسال', 'التاريخ', 'تاريخ', 'أرسل'],
    to: ['إلى'],
    cc: ['نسخة'],
    subject: ['الموضوع'],
  },
  wrote: ['كتب'],
  attributionOpeners: ['في'],
  originalMessage: ['الرسالة الأصلية'],
  forwardedMessage: ['الرسالة المُعاد توجيهها', 'رسالة معاد توجيهها'],
  forwardIntro: ['بداية الرسالة المعاد توجيهها'],
  deviceFooters: ['أُرسلت من', 'أرسلت من'],
  autoReplySubjects: ['رد تلقائي', 'الرد التلقائي', 'خارج المكتب'],
  awayWording: ['خارج المكتب', 'في إجازة', 'سأعود'],
  bounceSubjects: ['تعذر التسليم', 'لم يتم التسليم'],
  bounceWording: ['تعذر تسليم', 'لم يتم تسليم', 'فشل التسليم'],
  replyPrefixes: ['رد'],
  forwardPrefixes: ['إعادة توجيه', 'توجيه'],
};
