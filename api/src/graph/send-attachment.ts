import type { Readable } from 'node:stream';
import type { OutgoingAttachment } from '../ports/mail-sender.js';
import type { GraphMailClient } from './graph-mail-client.js';
import { GraphError } from '../ports/graph-error.js';

// Attachments onto a draft (docs/graph-behaviour.md §4.3): under 3 MB in one POST; 3-150 MB through an upload session, in chunks
// of at most 4 MB (we use 3.75 MB, a multiple of 320 KiB) sent in order to a pre-authenticated URL.

export const SIMPLE_ATTACHMENT_LIMIT = 3 * 1024 * 1024;
const CHUNK_BYTES = 12 * 320 * 1024;

export async function addAttachment(
  client: GraphMailClient,
  draftId: string,
  attachment: OutgoingAttachment,
): Promise<void> {
  const messagePath = `${client.userPath}/messages/${encodeURIComponent(draftId)}`;
  if (attachment.size < SIMPLE_ATTACHMENT_LIMIT) {
    const bytes = await readAll(await attachment.open());
    await client.post(`${messagePath}/attachments`, {
      '@odata.type': '#microsoft.graph.fileAttachment',
      name: attachment.name,
      contentType: attachment.contentType,
      contentBytes: bytes.toString('base64'),
    });
    return;
  }
  const session = await client.post<{ uploadUrl: string }>(`${messagePath}/attachments/createUploadSession`, {
    AttachmentItem: {
      attachmentType: 'file',
      name: attachment.name,
      size: attachment.size,
      contentType: attachment.contentType,
    },
  });
  if (!session?.uploadUrl)
    throw new GraphError({
      source: 'graph',
      status: 502,
      code: 'noUploadUrl',
      message: 'createUploadSession answered without an uploadUrl.',
    });
  await upload(session.uploadUrl, await attachment.open(), attachment.size);
}

/**
 * PUTs the bytes in order. The URL carries its own authorisation and lives on another host (outlook.office.com), so
 * it is called without our bearer token, and not through the Graph client's middleware.
 */
async function upload(uploadUrl: string, content: Readable, size: number): Promise<void> {
  let offset = 0;
  for await (const chunk of chunksOf(content, CHUNK_BYTES)) {
    const end = offset + chunk.length - 1;
    let response: Response;
    try {
      response = await fetch(uploadUrl, {
        method: 'PUT',
        headers: {
          'content-type': 'application/octet-stream',
          'content-range': `bytes ${offset}-${end}/${size}`,
        },
        body: new Uint8Array(chunk),
      });
    } catch (error) {
      throw new GraphError({
        source: 'network',
        status: 0,
        code: 'uploadFailed',
        message: `The attachment upload failed at byte ${offset}: ${(error as Error).message}`,
      });
    }
    if (!response.ok) {
      const retryAfter = response.headers.get('retry-after');
      throw new GraphError({
        source: 'graph',
        status: response.status,
        code: 'uploadFailed',
        message: `The attachment upload was refused at byte ${offset} (${response.status}): ${(await response.text()).slice(0, 300)}`,
        ...(retryAfter && /^\d+$/.test(retryAfter) ? { retryAfterMs: Number(retryAfter) * 1000 } : {}),
      });
    }
    await response.body?.cancel();
    offset = end + 1;
  }
  if (offset !== size)
    throw new GraphError({
      source: 'graph',
      status: 0,
      code: 'uploadIncomplete',
      message: `The attachment had ${offset} bytes, not the ${size} announced.`,
    });
}

async function* chunksOf(content: Readable, size: number): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let length = 0;
  for await (const data of content) {
    const buffer = Buffer.isBuffer(data) ? data : Buffer.from(data as Uint8Array);
    pending.push(buffer);
    length += buffer.length;
    while (length >= size) {
      const all = Buffer.concat(pending);
      yield all.subarray(0, size);
      pending = [all.subarray(size)];
      length -= size;
    }
  }
  if (length > 0) yield Buffer.concat(pending);
}

async function readAll(content: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const data of content)
    parts.push(Buffer.isBuffer(data) ? data : Buffer.from(data as Uint8Array));
  return Buffer.concat(parts);
}
