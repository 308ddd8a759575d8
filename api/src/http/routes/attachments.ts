import { createReadStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import multer from 'multer';
import { ZAttachment, ZAttachmentList, ZUploadAttachmentFields } from '../../contract/attachment.js';
import { ZErrorBody } from '../../contract/common.js';
import { AppError } from '../../domain/app-error.js';
import type { ServiceDeps } from '../../services/deps.js';
import { listAttachments } from '../../services/attachments/list-attachments.js';
import { openAttachment } from '../../services/attachments/open-attachment.js';
import { MAX_ATTACHMENT_BYTES, uploadAttachment } from '../../services/attachments/upload-attachment.js';
import { presentAttachment } from '../presenters/present-attachment.js';
import { defineRoute } from '../route.js';
import { ZAttachmentParams, ZRequestParams } from './params.js';
import { sendDownload } from '../send-download.js';
import { parseInput } from '../validation/parse-input.js';

// Uploads spool to a temp file (not memory) so a 150 MB file costs disk, not heap, and stream on to the blob store.
const upload = multer({
  dest: tmpdir(),
  limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 5 },
}).single('file');

function receiveFile(
  req: Parameters<typeof upload>[0],
  res: Parameters<typeof upload>[1],
): Promise<Express.Multer.File> {
  return new Promise((resolve, reject) => {
    upload(req, res, (err: unknown) => {
      if (err instanceof multer.MulterError) {
        reject(
          err.code === 'LIMIT_FILE_SIZE'
            ? new AppError('payload_too_large', 'Attachments can be at most 150 MB.')
            : new AppError('validation_failed', `Upload refused: ${err.message}.`),
        );
      } else if (err && isMalformedBody(err)) {
        reject(
          new AppError(
            'validation_failed',
            `The upload could not be read as multipart/form-data (${(err as Error).message}).`,
          ),
        );
      } else if (err) reject(err);
      else if (!req.file)
        reject(
          new AppError('validation_failed', 'Send the file as multipart/form-data in a field named "file".'),
        );
      else resolve(req.file);
    });
  });
}

/** busboy's parse errors (a broken part header, a cut-off body) carry no errno code; disk errors (ENOSPC ...) do. */
function isMalformedBody(err: unknown): boolean {
  return err instanceof Error && (err as NodeJS.ErrnoException).code === undefined;
}

export function attachmentRoutes(deps: ServiceDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/requests/:id/attachments',
      tag: 'Attachments',
      summary: "List an SR's attachments by folder",
      access: 'agent',
      params: ZRequestParams,
      responses: {
        200: { description: 'The attachments', schema: ZAttachmentList },
        404: { description: 'No such SR', schema: ZErrorBody },
      },
      handler: async ({ params }) => {
        const items = await listAttachments(deps, params.id);
        return { status: 200, body: { items: items.map(presentAttachment), total: items.length } };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/requests/:id/attachments',
      tag: 'Attachments',
      summary: 'Upload an attachment (multipart/form-data: file, folder)',
      access: 'agent',
      params: ZRequestParams,
      rawBody: {
        contentType: 'multipart/form-data',
        schema: {
          type: 'object',
          required: ['file'],
          properties: {
            file: { type: 'string', format: 'binary' },
            folder: { type: 'string', maxLength: 60, default: 'General' },
          },
        },
      },
      responses: {
        201: { description: 'Stored', schema: ZAttachment },
        413: { description: 'Over 150 MB', schema: ZErrorBody },
      },
      handler: async ({ params, principal, req, res }) => {
        if (!req.is('multipart/form-data'))
          throw new AppError('unsupported_media_type', 'Upload attachments as multipart/form-data.');
        const file = await receiveFile(req, res);
        try {
          const { folder } = parseInput(ZUploadAttachmentFields, req.body ?? {});
          const attachment = await uploadAttachment(deps, principal, params.id, {
            fileName: Buffer.from(file.originalname, 'latin1').toString('utf8'),
            contentType: file.mimetype,
            folder,
            open: () => createReadStream(file.path),
          });
          return { status: 201, body: presentAttachment(attachment) };
        } finally {
          await unlink(file.path).catch(() => undefined);
        }
      },
    }),
    defineRoute({
      method: 'get',
      path: '/requests/:id/attachments/:attachmentId/content',
      tag: 'Attachments',
      summary: "Download an attachment's bytes",
      access: 'agent',
      params: ZAttachmentParams,
      responses: {
        200: { description: 'The file', contentType: 'application/octet-stream' },
        404: { description: 'No such attachment', schema: ZErrorBody },
      },
      handler: async ({ params, res }) => {
        const { attachment, content } = await openAttachment(deps, params.id, params.attachmentId);
        return sendDownload(res, {
          body: content,
          contentType: attachment.contentType,
          fileName: attachment.fileName,
          size: attachment.size,
        });
      },
    }),
  ];
}
