import type { LanguageStrings } from './language.js';

export const th: LanguageStrings = {
  code: 'th',
  header: {
    from: ['จาก', 'ผู้ส่ง'],
    sent: ['ส่ง', 'วันที่'],
    to: ['ถึง', 'ผู้รับ'],
    cc: ['สำเนาถึง'],
    subject: ['เรื่อง', 'หัวเรื่อง'],
  },
  wrote: ['เขียนว่า'],
  originalMessage: ['ข้อความต้นฉบับ'],
  forwardedMessage: ['ข้อความที่ส่งต่อ'],
  deviceFooters: ['ส่งจาก'],
  autoReplySubjects: ['ตอบกลับอัตโนมัติ'],
  awayWording: ['ไม่อยู่ที่สำนักงาน', 'ลาพักร้อน'],
  bounceSubjects: ['ไม่สามารถส่งได้'],
  bounceWording: ['ไม่สามารถส่งได้', 'การส่งล้มเหลว'],
  replyPrefixes: ['ตอบกลับ'],
  forwardPrefixes: ['ส่งต่อ'],
};
