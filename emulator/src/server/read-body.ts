import type { IncomingMessage } from 'node:http';

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
