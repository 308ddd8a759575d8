import { z } from 'zod';
import { REQUEST_SORTS } from '../domain/service-request.js';
import { ZEmail, ZPaging, ZPerson, ZSearchText, listOf } from './common.js';

// The sort words, for the clients that build the list's query (the tab's URL parameters).
export { REQUEST_SORTS, type RequestSort } from '../domain/service-request.js';

export const ZPriority = z.enum(['Low', 'Medium', 'High', 'Critical']);

export const ZServiceRequest = z.object({
  id: z.number().int(),
  number: z.string().describe('SR-000123'),
  title: z.string(),
  description: z.string(),
  requester: ZPerson,
  participants: z.array(z.string()),
  assignee: ZPerson.optional(),
  status: z.string(),
  isClosed: z.boolean(),
  priority: ZPriority,
  hasNewEmailReply: z.boolean(),
  hasHeldReply: z
    .boolean()
    .optional()
    .describe('a reply arrived after the SR closed and waits in the Mail Center (list and get only)'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TServiceRequest = z.infer<typeof ZServiceRequest>;
export const ZServiceRequestList = listOf(ZServiceRequest);

export const ZCreateServiceRequest = z.strictObject({
  title: z.string().trim().min(1).max(200),
  description: z.string().max(20_000).default(''),
  requester: ZPerson,
  participants: z.array(ZEmail).max(50).default([]),
  assignee: ZPerson.optional(),
  priority: ZPriority.default('Medium'),
});
export type TCreateServiceRequest = z.input<typeof ZCreateServiceRequest>;

export const ZUpdateServiceRequest = z
  .strictObject({
    title: z.string().trim().min(1).max(200),
    description: z.string().max(20_000),
    status: z.string().trim().min(1).max(60),
    priority: ZPriority,
    assignee: ZPerson.nullable().describe('null unassigns'),
    participants: z.array(ZEmail).max(50),
    hasNewEmailReply: z.literal(false).describe('false marks the reply as seen'),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'Send at least one field to change');
export type TUpdateServiceRequest = z.input<typeof ZUpdateServiceRequest>;

export const ZListServiceRequestsQuery = ZPaging.extend({
  q: ZSearchText.optional(),
  status: z
    .union([z.string().max(60), z.array(z.string().max(60)).max(20)])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .optional(),
  assignee: z.string().max(254).optional().describe('an email address, "me" or "unassigned"'),
  hasNewEmailReply: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  open: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true: only SRs whose status is not a closed one; false: only closed ones'),
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .optional()
    .describe('1-based page number, instead of a cursor (the tab keeps it in its address)'),
  sort: z.enum(REQUEST_SORTS).default('updatedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type TListServiceRequestsQuery = z.input<typeof ZListServiceRequestsQuery>;
