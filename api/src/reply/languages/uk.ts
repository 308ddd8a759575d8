import type { LanguageStrings } from './language.js';

export const uk: LanguageStrings = {
  code: 'uk',
  header: {
    from: ['Від', 'Відправник'],
    sent: ['Надіслано', 'Дата'],
    to: ['Кому', 'Отримувач'],
    cc: ['Копія'],
    subject: ['Тема'],
  },
  wrote: ['пише', 'написав', 'написала'],
  attributionOpeners: ['У', 'В'],
  originalMessage: ['Вихідне повідомлення', 'Оригінальне повідомлення'],
  forwardedMessage: ['Переслане повідомлення'],
  forwardIntro: ['Початок пересланого повідомлення'],
  deviceFooters: ['Надіслано з', 'Отримати Outlook для'],
  autoReplySubjects: ['Автоматична відповідь', 'Автовідповідь', 'Поза офісом'],
  awayWording: ['у відпустці', 'поза офісом', 'повернуся'],
  bounceSubjects: ['Не доставлено', 'Недоставлене повідомлення', 'Помилка доставки'],
  bounceWording: ['не вдалося доставити', 'не може бути доставлено', 'не доставлено', 'невідомий одержувач'],
  replyPrefixes: ['Відп'],
  forwardPrefixes: ['Перес'],
  replyAboveLine: ['над цим рядком'],
};
