import type { LanguageStrings } from './language.js';

export const he: LanguageStrings = {
  code: 'he',
  header: {
    from: ['מאת'],
    sent: ['נשלח', 'תאריך'],
    to: ['אל'],
    cc: ['עותק'],
    subject: ['נושא'],
  },
  wrote: ['כתב', 'כתבה', 'כתב/ה'],
  attributionOpeners: ['ב'],
  originalMessage: ['הודעה מקורית'],
  forwardedMessage: ['הודעה שהועברה'],
  forwardIntro: ['תחילת הודעה שהועברה'],
  deviceFooters: ['נשלח מה', 'נשלח מ'],
  autoReplySubjects: ['תשובה אוטומטית', 'מחוץ למשרד'],
  awayWording: ['מחוץ למשרד', 'בחופשה', 'אחזור'],
  bounceSubjects: ['לא ניתן למסור', 'לא נמסר'],
  bounceWording: ['לא ניתן למסור', 'לא נמסרה', 'המסירה נכשלה'],
  replyPrefixes: ['השב'],
  forwardPrefixes: ['העבר'],
};
