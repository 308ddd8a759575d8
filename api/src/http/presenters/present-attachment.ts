import type { TAttachment } from '../../contract/attachment.js';
import type { Attachment } from '../../domain/attachment.js';
import { formatSrNumber } from '../../domain/service-request.js';

export function presentAttachment(a: Attachment): TAttachment {
  return {
    id: a.id,
    requestId: a.requestId,
    folder: a.folder,
    fileName: a.fileName,
    contentType: a.contentType,
    size: a.size,
    sha256: a.sha256,
    ...(a.noteId ? { noteId: a.noteId } : {}),
    uploadedBy: a.uploadedBy,
    createdAt: a.createdAt,
    contentUrl: `/api/requests/${formatSrNumber(a.requestId)}/attachments/${a.id}/content`,
  };
}
