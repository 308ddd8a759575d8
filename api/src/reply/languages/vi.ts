import type { LanguageStrings } from './language.js';

export const vi: LanguageStrings = {
  code: 'vi',
  header: {
    from: ['Từ', 'Người gửi'],
    sent: ['Đã gửi', 'Ngày', 'Gửi'],
    to: ['Đến', 'Tới', 'Người nhận'],
    cc: ['Cc', 'Đồng gửi'],
    subject: ['Chủ đề', 'Tiêu đề'],
  },
  wrote: ['đã viết', 'viết'],
  attributionOpeners: ['Vào'],
  originalMessage: ['Thư gốc', 'Tin nhắn gốc'],
  forwardedMessage: ['Thư đã chuyển tiếp', 'Thư chuyển tiếp'],
  forwardIntro: ['Bắt đầu thư được chuyển tiếp'],
  deviceFooters: ['Gửi từ'],
  autoReplySubjects: ['Trả lời tự động', 'Vắng mặt'],
  awayWording: ['vắng mặt', 'nghỉ phép', 'sẽ quay lại'],
  bounceSubjects: ['Không thể gửi', 'Không gửi được'],
  bounceWording: ['không thể gửi', 'không gửi được', 'gửi không thành công'],
  replyPrefixes: ['TL', 'Trả lời'],
  forwardPrefixes: ['CT', 'Chuyển tiếp'],
};
