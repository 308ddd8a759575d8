import type { Readable } from 'node:stream';
import { AppError } from '../../domain/app-error.js';
import {
  ORIGINAL_EXTENSION,
  type OriginalContentType,
  type StoredOriginal,
} from '../../domain/stored-original.js';
import type { ServiceDeps } from '../deps.js';

// A stored original (domain/stored-original.ts), for the Mail Center item and the email note that share it.

export type OpenedOriginal = { body: Readable; contentType: OriginalContentType; fileName: string };

/** `name` with the extension the original's type opens with. */
export function originalFileName(original: StoredOriginal, name: string): string {
  return `${name}.${ORIGINAL_EXTENSION[original.contentType]}`;
}

/** The original as a download. */
export async function openOriginal(
  deps: Pick<ServiceDeps, 'blobs'>,
  original: StoredOriginal,
  name: string,
): Promise<OpenedOriginal> {
  return {
    body: await deps.blobs.open(original.ref),
    contentType: original.contentType,
    fileName: originalFileName(original, name),
  };
}

/** The original's bytes in memory, to read it; larger ones are refused, since the download shows them in full. */
export async function readOriginalBytes(
  deps: Pick<ServiceDeps, 'blobs'>,
  original: StoredOriginal,
  maxBytes: number,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  const stream = await deps.blobs.open(original.ref);
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    if (size > maxBytes) {
      stream.destroy();
      throw new AppError(
        'payload_too_large',
        `This email is larger than ${Math.round(maxBytes / 1048576)} MB, too large to show here; download the original instead.`,
      );
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Graph's JSON is an object; MIME starts with a header line. For originals whose type was not recorded. */
export async function sniffOriginalType(
  deps: Pick<ServiceDeps, 'blobs'>,
  ref: string,
): Promise<OriginalContentType> {
  const stream = await deps.blobs.open(ref);
  try {
    for await (const chunk of stream) {
      const start = (Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array))
        .toString('utf8')
        .trimStart();
      if (start) return start.startsWith('{') ? 'application/json' : 'message/rfc822';
    }
    return 'message/rfc822';
  } finally {
    stream.destroy();
  }
}
