import { unknownPlaceholders } from './mail-placeholders.js';
import { validateReplyMarker } from './reply-marker.js';

// What makes a template savable. Everything that would break at send time is refused at save time, so a rule never
// fails at 3 a.m. over a typo an admin could have been told about.

/** The sanitised body's limit: Graph's 4 MB request cap is far away, and no real template is near it. */
export const MAX_TEMPLATE_BODY_CHARS = 100_000;
export const MAX_TEMPLATE_SUBJECT_CHARS = 200;

export type TemplateField = 'subject' | 'bodyHtml' | 'replyText';
export type TemplateProblem = { field: TemplateField; code: string; message: string };

export function checkMailTemplate(template: { subject: string; bodyHtml: string; replyText: string }): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const marker = validateReplyMarker(template.replyText);
  if (!marker.ok) problems.push(...marker.errors.map((e) => ({ field: 'replyText' as const, code: e.code, message: `Reply text: ${e.message}` })));
  for (const field of ['subject', 'bodyHtml'] as const) {
    for (const p of unknownPlaceholders(template[field])) {
      problems.push({ field, code: 'unknown-placeholder', message: `${field === 'subject' ? 'Subject' : 'Body'}: ${p.message}` });
    }
  }
  if (template.subject.length > MAX_TEMPLATE_SUBJECT_CHARS) {
    problems.push({ field: 'subject', code: 'too-long', message: `Subject: at most ${MAX_TEMPLATE_SUBJECT_CHARS} characters.` });
  }
  if (template.bodyHtml.length > MAX_TEMPLATE_BODY_CHARS) {
    problems.push({ field: 'bodyHtml', code: 'too-long', message: `Body: at most ${MAX_TEMPLATE_BODY_CHARS.toLocaleString('en-US')} characters of HTML.` });
  }
  if (!template.bodyHtml.replace(/<[^>]*>|&nbsp;|\s/g, '')) problems.push({ field: 'bodyHtml', code: 'empty', message: 'Body: write the text of the email.' });
  return problems;
}
