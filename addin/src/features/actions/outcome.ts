import type { TAddinCreated, TAddinFiled, TAddinMoved } from '../../../../api/src/contract/addin';

export type Outcome =
  | { intent: 'success'; title: string; text: string; href?: string }
  | { intent: 'error'; title: string; error: Error };

const attachmentsText = (count: number): string =>
  count === 0 ? '' : ` with ${count} attachment${count === 1 ? '' : 's'} in "Other"`;

export function filedOutcome(result: TAddinFiled, title = 'Filed'): Outcome {
  const change = result.statusChange
    ? ` Status: ${result.statusChange.from} → ${result.statusChange.to}.`
    : '';
  return {
    intent: 'success',
    title,
    text: `The email is a PUBLIC note on ${result.filing.number}${attachmentsText(result.attachmentIds.length)}.${change}`,
    href: result.filing.noteUrl,
  };
}

export function createdOutcome(result: TAddinCreated): Outcome {
  return {
    intent: 'success',
    title: `Created ${result.request.number}`,
    text: `"${result.request.title}" was created with this email as its first PUBLIC note${attachmentsText(result.attachmentIds.length)}.`,
    href: result.filing.noteUrl,
  };
}

export function movedOutcome(result: TAddinMoved): Outcome {
  return {
    intent: 'success',
    title: 'Moved',
    text: `The note moved from ${result.from.number} to ${result.filing.number}; both histories record the move.`,
    href: result.filing.noteUrl,
  };
}
