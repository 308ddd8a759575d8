import type { LanguageStrings } from './language.js';

export const ko: LanguageStrings = {
  code: 'ko',
  header: {
    from: ['보낸 사람', '보낸사람'],
    sent: ['보낸 날짜', '날짜', '보낸날짜'],
    to: ['받는 사람', '받는사람'],
    cc: ['참조'],
    subject: ['제목'],
  },
  wrote: ['님이 작성', '작성', '쓴 글'],
  originalMessage: ['원본 메시지', '원래 메시지'],
  forwardedMessage: ['전달된 메시지', '전달 메시지'],
  forwardIntro: ['전달된 메시지'],
  deviceFooters: ['나의 iPhone에서 보냄', 'iPhone에서 보냄', 'Android용 Outlook'],
  autoReplySubjects: ['자동 회신', '자동 응답', '부재중'],
  awayWording: ['부재중', '휴가 중', '사무실에 없'],
  bounceSubjects: ['배달 못함', '전달되지 않음', '반송'],
  bounceWording: ['전달되지 않았습니다', '배달할 수 없습니다', '반송', '받는 사람을 찾을 수 없습니다'],
  replyPrefixes: ['회신', '답장'],
  forwardPrefixes: ['전달'],
  replyAboveLine: ['이 줄 위에'],
};
