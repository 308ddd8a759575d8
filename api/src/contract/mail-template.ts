import { z } from 'zod';
import { MAX_TEMPLATE_BODY_CHARS, MAX_TEMPLATE_SUBJECT_CHARS } from '../domain/check-mail-template.js';
import { ZSrRef, listOf } from './common.js';

// Administration > Mail > Templates.
const ZPurpose = z
  .enum(['manual', 'rule'])
  .describe('manual: offered when an agent emails from an SR; rule: sent by rules');

export const ZMailTemplate = z.object({
  id: z.string(),
  name: z.string(),
  purpose: ZPurpose,
  subject: z.string(),
  bodyHtml: z.string().describe('sanitised HTML with placeholders'),
  bodyText: z.string().describe('the plain-text alternative generated from bodyHtml'),
  replyText: z
    .string()
    .describe('the reply text line put at the top of every email; #EC_ID# becomes the SR token'),
  replyTextProblems: z
    .array(z.string())
    .describe(
      'why the reply text would not bring replies back to their SR (no ##- … -## line, no #EC_ID#); empty when it will',
    ),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TMailTemplate = z.infer<typeof ZMailTemplate>;
export const ZMailTemplateList = listOf(ZMailTemplate);

export const ZSaveMailTemplate = z.strictObject({
  name: z.string().trim().min(1).max(100),
  purpose: ZPurpose.default('manual'),
  subject: z.string().trim().min(1).max(MAX_TEMPLATE_SUBJECT_CHARS),
  bodyHtml: z
    .string()
    .min(1)
    .max(MAX_TEMPLATE_BODY_CHARS, `The body may be at most ${MAX_TEMPLATE_BODY_CHARS} characters of HTML.`)
    .describe('HTML; scripts, event handlers and unsafe URLs are removed on save'),
  replyText: z
    .string()
    .max(500)
    .optional()
    .describe('Default (and "Set Example text"): ##- Please type your reply above this line -## #EC_ID#'),
});
export type TSaveMailTemplate = z.input<typeof ZSaveMailTemplate>;

export const ZMailTemplateDefaults = z.object({
  replyText: z.string().describe('what "Set Example text" restores'),
  placeholders: z.array(z.object({ name: z.string(), description: z.string() })),
  limits: z.object({ subjectChars: z.number().int(), bodyChars: z.number().int() }),
});
export type TMailTemplateDefaults = z.infer<typeof ZMailTemplateDefaults>;

export const ZPreviewMailTemplate = z.strictObject({ requestId: z.union([ZSrRef, z.number().int().min(1)]) });

export const ZMailTemplatePreview = z.object({
  subject: z.string(),
  bodyHtml: z.string().describe('the whole email as it would be sent'),
  bodyText: z.string(),
  replyText: z.string().describe('the reply text line with a sample token'),
  sampleToken: z.string().describe('signed with a throw-away key: a reply quoting it is not matched'),
});
export type TMailTemplatePreview = z.infer<typeof ZMailTemplatePreview>;
