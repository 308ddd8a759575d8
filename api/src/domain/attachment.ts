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
 * Keeps the name a person gave the file but nothing that could steer a path or disguise the type: no directories,
 * no control or bidirectional-override characters (which make "exe.pdf" of "\u202Efdp.exe"), no leading dots,
 * no trailing dots or spaces (Windows drops them, so "invoice.exe." opens as invoice.exe). Refuses names with
 * nothing left.
 */
export function safeFileName(raw: string): string {
  const cleaned = cleanFileName(raw);
  if (!cleaned) throw new AppError('validation_failed', `"${raw}" is not a usable file name.`);
  return cleaned;
}

/** safeFileName's cleaning without the refusal: '' when nothing usable is left. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"|?*\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  return cleaned.slice(0, MAX_FILE_NAME).replace(/[.\s]+$/, '');
}

/**
 * The block-list entry a file name ends with, judged on the cleaned name (the one stored and served), so
 * "invoice.exe?" or "invoice.exe." cannot pass as something else. Undefined when the type is allowed.
 */
export function blockedExtension(rawName: string, blockList: readonly string[]): string | undefined {
  const name = cleanFileName(rawName).toLowerCase();
  return blockList.find((extension) => name.endsWith(extension.toLowerCase()));
}

/**
 * The default block-list: the union of Exchange Online Protection's default common attachment filter (anti-malware
 * policies) and the types Gmail refuses, plus disk images and OneNote files mail-borne malware moved to. The
 * sources are listed in docs/security.md ("Attachments").
 */
export const DEFAULT_BLOCKED_EXTENSIONS: readonly string[] = [
  '.ace',
  '.ade',
  '.adp',
  '.ani',
  '.apk',
  '.app',
  '.appx',
  '.appxbundle',
  '.arj',
  '.bat',
  '.cab',
  '.chm',
  '.cmd',
  '.com',
  '.cpl',
  '.deb',
  '.dex',
  '.diagcab',
  '.diagcfg',
  '.diagpkg',
  '.dll',
  '.dmg',
  '.docm',
  '.elf',
  '.ex',
  '.ex_',
  '.exe',
  '.hta',
  '.img',
  '.ins',
  '.iso',
  '.isp',
  '.jar',
  '.jnlp',
  '.js',
  '.jse',
  '.kext',
  '.lha',
  '.lib',
  '.library',
  '.lnk',
  '.lzh',
  '.macho',
  '.mde',
  '.mjs',
  '.msc',
  '.msi',
  '.msix',
  '.msixbundle',
  '.msp',
  '.mst',
  '.nsh',
  '.one',
  '.pif',
  '.ppa',
  '.ppam',
  '.ps1',
  '.reg',
  '.rev',
  '.scf',
  '.scr',
  '.sct',
  '.shb',
  '.sys',
  '.uif',
  '.vb',
  '.vbe',
  '.vbs',
  '.vhd',
  '.vhdx',
  '.vxd',
  '.wsc',
  '.wsf',
  '.wsh',
  '.xll',
  '.xz',
  '.z',
];
