import { chmod, mkdir, open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Forces a file's bytes, or a directory's entries (a rename into it), to the disk, so data we report as
 * saved survives a power loss and not only a crash of the process.
 */
export async function fsyncPath(path: string, kind: 'file' | 'directory'): Promise<void> {
  // Windows cannot open a directory for fsync; NTFS journals the rename itself.
  if (kind === 'directory' && process.platform === 'win32') return;
  const handle = await open(path, kind === 'file' ? 'r+' : 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Files the API writes hold customers' mail and its keys: readable by this user only. */
export const PRIVATE_FILE_MODE = 0o600;
const PRIVATE_DIR_MODE = 0o700;

/**
 * Creates a directory readable by this user only, or tightens one that exists (an older install made DATA_DIR
 * 0755 and its files 0644: with the directory closed, those files are out of other users' reach too).
 */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  await chmod(dir, PRIVATE_DIR_MODE);
}

/** Writes a small file (a key) whole and durably: temp file 0600, fsync, rename over, fsync the directory. */
export async function writeFileDurably(
  path: string,
  content: string,
  options: { exclusive?: boolean } = {},
): Promise<void> {
  if (options.exclusive) {
    // Never over an existing file: a second process starting at the same moment must not replace a key in use.
    await writeSynced(path, content, 'wx');
  } else {
    await writeSynced(`${path}.tmp`, content, 'w');
    await rename(`${path}.tmp`, path);
  }
  await fsyncPath(dirname(path), 'directory');
}

async function writeSynced(path: string, content: string, flag: 'w' | 'wx'): Promise<void> {
  const handle = await open(path, flag, PRIVATE_FILE_MODE);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
