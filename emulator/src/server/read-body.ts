import type { IncomingMessage } from 'node:http';
import { isUploadPath } from '../graph/handlers/upload-chunk.js';

const MB = 1024 * 1024;

/** The largest body each kind of request may carry: Graph's 4 MB JSON cap (docs/graph-behaviour.md §4.3), an upload
 * chunk a little over 4 MB, and the control API's mailbox imports. */
export function bodyCap(path: string): number {
  if (path.startsWith('/_emulator/')) return 160 * MB;
  if (isUploadPath(path)) return 4 * MB + 64 * 1024;
  if (path.startsWith('/v1.0/')) return 4 * MB;
  return MB;
}

/** Reads a request body up to `cap` bytes; beyond that it keeps counting but stops storing (the caller answers 413). */
export function readBody(req: IncomingMessage, cap: number): Promise<{ body: Buffer; length: number }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    req.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length <= cap) chunks.push(chunk);
    });
    req.on('end', () => resolve({ body: length <= cap ? Buffer.concat(chunks) : Buffer.alloc(0), length }));
    req.on('error', reject);
  });
}
