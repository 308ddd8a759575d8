import type { LanguageStrings } from './language.js';

export const ja: LanguageStrings = {
  code: 'ja',
  header: {
    from: ['差出人', '送信者', '送信元'],
    sent: ['送信日時', '日付', '送信日'],
    to: ['宛先', '送信先'],
    cc: ['CC'],
    subject: ['件名'],
  },
  wrote: ['のメッセージ', 'は書きました', 'さんは書きました', 'のメール'],
  originalMessage: ['元のメッセージ', 'オリジナルメッセージ'],
  forwardedMessage: ['転送されたメッセージ', '転送メッセージ'],
  forwardIntro: ['転送されたメッセージ', '転送メッセージ'],
  deviceFooters: ['iPhoneから送信', 'Android から送信', 'Androidから送信'],
  autoReplySubjects: ['自動応答', '自動返信', '不在', '外出中'],
  awayWording: ['不在にしております', '不在です', '休暇中', '外出中', '不在'],
  bounceSubjects: ['配信不能', '配信エラー', '配信できませんでした', '送信エラー', 'メール送信エラー', '宛先不明'],
  bounceWording: ['配信できませんでした', '送信できませんでした', '配信不能', '宛先不明', 'メールボックスがいっぱい', '容量オーバー', '受信拒否', '存在しません'],
  replyPrefixes: ['返信'],
  forwardPrefixes: ['転送'],
  replyAboveLine: ['この行より上に'],
};
