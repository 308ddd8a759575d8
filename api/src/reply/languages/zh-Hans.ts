import type { LanguageStrings } from './language.js';

export const zhHans: LanguageStrings = {
  code: 'zh-Hans',
  header: {
    from: ['发件人', '寄件人'],
    sent: ['发送时间', '日期', '时间'],
    to: ['收件人'],
    cc: ['抄送'],
    subject: ['主题'],
  },
  wrote: ['写道'],
  attributionOpeners: ['在', '于'],
  originalMessage: ['原始邮件'],
  forwardedMessage: ['转发的邮件', '转发邮件'],
  forwardIntro: ['转发的邮件', '以下为转发邮件'],
  deviceFooters: ['从我的', '发自我的'],
  autoReplySubjects: ['自动回复', '自动答复', '外出'],
  awayWording: ['不在办公室', '休假', '外出'],
  bounceSubjects: ['无法投递', '退信', '系统退信', '邮件投递失败', '未送达'],
  bounceWording: ['无法投递', '投递失败', '退信', '未能送达', '收件人不存在', '邮箱已满'],
  replyPrefixes: ['回复', '答复'],
  forwardPrefixes: ['转发'],
  replyAboveLine: ['在此行上方', '请在此行之上回复'],
};
