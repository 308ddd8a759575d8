import { z } from 'zod';
import { listOf } from './common.js';

export const ZAttachment = z.object({
  id: z.string(),
  requestId: z.number().int(),
  folder: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  noteId: z.string().optional(),
  uploadedBy: z.string(),
  createdAt: z.string(),
  contentUrl: z.string(),
});
export type TAttachment = z.infer<typeof ZAttachment>;
export const ZAttachmentList = listOf(ZAttachment);

export const ZUploadAttachmentFields = z.strictObject({
  folder: z.string().trim().min(1).max(60).default('General'),
});
