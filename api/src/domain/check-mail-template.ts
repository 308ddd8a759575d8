import { AppError } from './app-error.js';
import { unknownPlaceholders } from './mail-placeholders.js';
import { validateReplyMarker } from './reply-marker.js';

// What makes a template savable. Everything that would break at send time is refused at save time, so a rule never
// fails at 3 a.m. over a typo an admin could have been told about.

/** The sanitised body's limit: Graph's 4 MB request cap is far away, and no real template is near it. */
export const MAX_TEMPLATE_BODY_CHARS = 100_000;
export const MAX_TEMPLATE_SUBJECT_CHARS = 200;

// The per-field shape every validation error has (`[{ path, message }]`, as for a request body zod refuses), so a
// client shows the problems next to its fields the same way everywhere.
type TemplateProblem = { path: 'subject' | 'bodyHtml' | 'replyText'; message: string };

/** Refuses a template with every problem listed at once, so the admin fixes them in one go. */
export function requireValidMailTemplate(template: {
  subject: string;
  bodyHtml: string;
  replyText: string;
}): void {
  const problems = checkMailTemplate(template);
  if (problems.length > 0)
    throw new AppError('validation_failed', problems.map((p) => p.message).join(' '), problems);
}

function checkMailTemplate(template: {
  subject: string;
  bodyHtml: string;
  replyText: string;
}): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const marker = validateReplyMarker(template.replyText);
  if (!marker.ok)
    problems.push(
      ...marker.errors.map((e) => ({ path: 'replyText' as const, message: `Reply text: ${e.message}` })),
    );
  for (const path of ['subject', 'bodyHtml'] as const) {
    for (const p of unknownPlaceholders(template[path]))
      problems.push({ path, message: `${path === 'subject' ? 'Subject' : 'Body'}: ${p.message}` });
  }
  if (template.subject.length > MAX_TEMPLATE_SUBJECT_CHARS)
    problems.push({ path: 'subject', message: `Subject: at most ${MAX_TEMPLATE_SUBJECT_CHARS} characters.` });
  if (template.bodyHtml.length > MAX_TEMPLATE_BODY_CHARS) {
    problems.push({
      path: 'bodyHtml',
      message: `Body: at most ${MAX_TEMPLATE_BODY_CHARS.toLocaleString('en-US')} characters of HTML.`,
    });
  }
  if (!template.bodyHtml.replace(/<[^>]*>|&nbsp;|\s/g, ''))
    problems.push({ path: 'bodyHtml', message: 'Body: write the text of the email.' });
  return problems;
}
