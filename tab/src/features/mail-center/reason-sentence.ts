import type { TMailCenterItem } from '../../../../api/src/contract/mail-center';

const sr = (id: number | undefined): string =>
  id === undefined ? 'its SR' : `SR-${String(id).padStart(6, '0')}`;

/** Why an email waits here, first and in plain words; the evidence lines below give the details. */
export function reasonSentence(item: TMailCenterItem): string {
  const target = sr(item.candidateRequestIds[0]);
  switch (item.reason) {
    case 'sr-closed':
      return `It answers ${target}, which was already closed. Under the desk's policy, replies to closed SRs wait here so nobody reopens work by accident: reopen the SR and file the reply, or file it without reopening.`;
    case 'no-marker':
      return 'Nothing in it says which SR it belongs to: no SR marker, no reply to one of our emails, no SR number in the subject.';
    case 'token-invalid':
      return 'Its SR marker was damaged or not issued by this desk, so it was not trusted to pick an SR.';
    case 'conflicting-signals':
      return 'It points at more than one SR; a person decides which one.';
    case 'unknown-sender':
      return `It was sent by someone who is not a participant of ${target}; the desk holds such emails for review.`;
    case 'sr-not-found':
      return `It refers to ${target}, which does not exist (any more).`;
    case 'auto-reply':
      return 'It is an automatic reply (out of office or similar); it does not need an answer.';
    case 'bounce':
      return 'It is a delivery failure report: one of our emails did not arrive.';
    case 'own-mail':
      return 'It was sent by the desk itself.';
    case 'loop':
      return 'Too many emails came from this sender in a short time, which looks like a mail loop.';
    case 'system':
      return 'It is a system message, not written by a person.';
    case 'sender-not-authenticated':
      return `It names ${target} only by a weak sign (the SR number in the subject, or the conversation), and its mail server could not confirm the sender, so it may be forged.`;
    case 'too-large':
      return 'It is larger than the desk accepts.';
    case 'too-complex':
      return 'Reading it took longer than the desk allows for one email, so it was set aside rather than slow the desk down.';
    case 'attachment-blocked':
      return 'It carries a file type the desk blocks.';
    case 'processing-failed':
      return 'Reading it failed; it is tried again automatically, and stays here if it keeps failing.';
  }
}
