import type { LanguageStrings } from './language.js';

export const zhHant: LanguageStrings = {
  code: 'zh-Hant',
  header: {
    from: ['寄件者', '寄件人', '發件人'],
    sent: ['寄件日期', '傳送時間', '發送時間', '日期'],
    to: ['收件者', '收件人'],
    cc: ['副本', '抄送'],
    subject: ['主旨', '主題'],
  },
  wrote: ['寫道', '寫了'],
  attributionOpeners: ['在', '於'],
  originalMessage: ['原始郵件', '原始信件'],
  forwardedMessage: ['轉寄的郵件', '轉寄郵件'],
  forwardIntro: ['轉寄的郵件'],
  deviceFooters: ['從我的', '寄件自'],
  autoReplySubjects: ['自動回覆', '自動答覆', '外出'],
  awayWording: ['不在辦公室', '休假中', '外出'],
  bounceSubjects: ['無法傳遞', '無法投遞', '退信', '郵件傳遞失敗'],
  bounceWording: ['無法傳遞', '無法投遞', '傳遞失敗', '收件者不存在', '信箱已滿'],
  replyPrefixes: ['回覆', '答覆'],
  forwardPrefixes: ['轉寄', '轉發'],
  replyAboveLine: ['在此行上方'],
};
