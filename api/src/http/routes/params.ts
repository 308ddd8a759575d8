import { z } from 'zod';
import { ZSrRef } from '../../contract/common.js';
import { parseSrRef } from '../../domain/service-request.js';

// Path parameters shared by the SR routes: `{id}` accepts SR-000123 and 123.
const ZSrId = ZSrRef.transform((ref) => parseSrRef(ref) ?? 0).describe('SR-000123 or 123');

export const ZRequestParams = z.object({ id: ZSrId });
export const ZAttachmentParams = z.object({ id: ZSrId, attachmentId: z.string().min(1).max(100) });
export const ZNoteParams = z.object({ id: ZSrId, noteId: z.string().min(1).max(100) });
export const ZIdParams = z.object({ id: z.string().min(1).max(100) });
