import type { Readable } from 'node:stream';
import type { Response } from 'express';

export type Download = { body: Readable; contentType: string; fileName: string; size?: number };

/**
 * Streams a stored file as a download. Always an attachment, never rendered in our origin (an uploaded HTML file or a
 * hostile email must not run as our page); resolves when sent, rejects when the stored file cannot be read.
 */
export async function sendDownload(res: Response, download: Download): Promise<undefined> {
  res.setHeader('Content-Type', download.contentType);
  if (download.size !== undefined) res.setHeader('Content-Length', String(download.size));
  res.attachment(download.fileName);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  await new Promise<void>((resolve, reject) => download.body.on('error', reject).pipe(res).on('finish', resolve).on('error', reject));
  return undefined;
}
