import type { EmuRequest, EmuResponse } from '../../core/emu-http.js';
import type { Services } from '../services.js';
import { GraphHttpError, graphError } from '../../core/graph-error.js';
import { newId } from '../../core/ids.js';
import { nowSeconds } from '../../state/mail-store.js';
import { exchangeSize, contentTypeFor } from '../../mail/new-attachment.js';

const SESSION_PATH =
  /^\/api\/v2\.0\/Users\('[^']+'\)\/Messages\('[^']+'\)\/AttachmentSessions\('([^']+)'\)$/i;
const MAX_CHUNK = 4 * 1024 * 1024;

export function isUploadPath(path: string): boolean {
  return SESSION_PATH.test(decodeSafe(path));
}

/**
 * PUT {uploadUrl} with Content-Range: chunks in order, each ≤ 4 MB; 200 with nextExpectedRanges until the last,
 * which answers 201 with a Location (docs/graph-behaviour.md §4.3). The URL carries its own auth; an Authorization header is ignored.
 */
export function handleUploadChunk(req: EmuRequest, s: Services): EmuResponse {
  try {
    return uploadChunk(req, s);
  } catch (error) {
    if (error instanceof GraphHttpError)
      return graphError(req, error.status, error.code, error.message, error.headers);
    throw error;
  }
}

function uploadChunk(req: EmuRequest, s: Services): EmuResponse {
  const sessionId = SESSION_PATH.exec(decodeSafe(req.path))?.[1] ?? '';
  const session = s.uploads.get(sessionId, req.query.get('authtoken'));
  if (!session)
    throw new GraphHttpError(404, 'ErrorItemNotFound', 'The upload session was not found or has expired.');
  if (req.method === 'DELETE') {
    s.uploads.delete(session.id);
    return { status: 204 };
  }
  if (req.method !== 'PUT')
    throw new GraphHttpError(
      405,
      'ErrorInvalidRequest',
      `The HTTP method '${req.method}' is not allowed on an upload session.`,
    );
  const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(req.headers['content-range'] ?? '');
  if (!range)
    throw new GraphHttpError(
      400,
      'ErrorInvalidRequest',
      "The Content-Range header is missing or malformed; expected 'bytes {start}-{end}/{total}'.",
    );
  const [start, end, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
  if (total !== session.size)
    throw new GraphHttpError(
      400,
      'ErrorInvalidRequest',
      `The total size ${total} does not match the session's size ${session.size}.`,
    );
  if (start !== session.received || end < start || end >= total) {
    throw new GraphHttpError(
      416,
      'ErrorInvalidRequest',
      `The range ${start}-${end} is not the next expected range ${session.received}-.`,
    );
  }
  if (req.body.length !== end - start + 1)
    throw new GraphHttpError(400, 'ErrorInvalidRequest', 'The body length does not match the Content-Range.');
  if (req.body.length > MAX_CHUNK)
    throw new GraphHttpError(413, 'ErrorRequestEntityTooLarge', 'A chunk may be at most 4 MB.');
  const knobs = s.faults.knobs;
  if (
    knobs.throttle &&
    !s.throttle.chargeUpload(session.appId, session.mailbox, req.body.length, knobs.uploadBytesPer5Min)
  ) {
    throw new GraphHttpError(429, 'ApplicationThrottled', 'Application is over its IncomingBytes limit.', {
      'retry-after': String(knobs.retryAfterSec),
    });
  }
  session.chunks.push(Buffer.from(req.body));
  session.received = end + 1;
  if (session.received < session.size) {
    return {
      status: 200,
      json: {
        expirationDateTime: new Date(session.expiresAt).toISOString(),
        nextExpectedRanges: [`${session.received}`],
      },
    };
  }
  s.uploads.delete(session.id);
  const mailbox = s.store.mailbox(session.mailbox);
  const message = mailbox ? s.store.findMessage(mailbox, session.messageId) : undefined;
  if (!mailbox || !message)
    throw new GraphHttpError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  const bytes = Buffer.concat(session.chunks);
  const attachment = {
    id: newId('attachment', mailbox.userId),
    kind: 'file' as const,
    name: session.name,
    contentType: session.contentType ?? contentTypeFor(session.name),
    size: exchangeSize(bytes.length, session.name),
    isInline: session.isInline,
    contentId: session.contentId,
    contentLocation: null,
    lastModifiedDateTime: nowSeconds(),
    contentBytes: bytes.toString('base64'),
  };
  s.store.updateMessage(mailbox, message, (m) => m.attachments.push(attachment));
  return {
    status: 201,
    headers: {
      location: `${req.origin}/v1.0/users('${mailbox.userId}')/messages('${message.restId}')/attachments('${attachment.id}')`,
    },
  };
}

function decodeSafe(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
