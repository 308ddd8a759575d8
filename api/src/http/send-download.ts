import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import { cleanFileName } from '../domain/attachment.js';

export type Download = { body: Readable; contentType: string; fileName: string; size?: number };

/**
 * Streams a stored file as a download. Always an attachment, never rendered in our origin (an uploaded HTML file or a
 * hostile email must not run as our page), under the same cleaned name the block list judged. pipeline() destroys the
 * stored file's stream when the client goes away, so an aborted download leaves no file handle open; resolves when
 * sent or abandoned by the client, rejects when the stored file cannot be read before anything was sent.
 */
export async function sendDownload(res: Response, download: Download): Promise<undefined> {
  // Wait for the first bytes (or the end): a stored file that cannot be read is still answered with an error body.
  try {
    await once(download.body, 'readable');
  } catch (error) {
    download.body.destroy();
    throw error;
  }
  res.setHeader('Content-Type', download.contentType);
  if (download.size !== undefined) res.setHeader('Content-Length', String(download.size));
  res.attachment(cleanFileName(download.fileName) || 'download');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  try {
    await pipeline(download.body, res);
  } catch (error) {
    // The client left: nothing to answer, and nothing went wrong on our side.
    if (
      res.destroyed &&
      !res.writableFinished &&
      (error as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE'
    )
      return undefined;
    // Headers already sent: the error handler cannot answer; ending the connection tells the client the file is cut short.
    if (res.headersSent) {
      res.destroy(error as Error);
      return undefined;
    }
    throw error;
  }
  return undefined;
}
