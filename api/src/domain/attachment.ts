import { AppError } from './app-error.js';

export const EMAIL_ATTACHMENT_FOLDER = 'Other';
export const ATTACHMENT_FOLDERS: readonly string[] = ['General', 'Other'];

export type Attachment = {
  id: string;
  requestId: number;
  folder: string;
  fileName: string;
  contentType: string;
  size: number;
  /** Hex sha256 of the bytes, also their address in the blob store. */
  sha256: string;
  noteId?: string;
  uploadedBy: string;
  createdAt: string;
};

const MAX_FILE_NAME = 255;

/**
 * Keeps the name a person gave the file but nothing that could steer a path: no directories,
 * no control characters, no leading dots. Refuses names with nothing left.
 */
export function safeFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '').replace(/^\.+/, '').trim();
  if (!cleaned) throw new AppError('validation_failed', `"${raw}" is not a usable file name.`);
  return cleaned.slice(0, MAX_FILE_NAME);
}
