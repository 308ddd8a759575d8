import { open } from 'node:fs/promises';

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
