import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { StoreState } from './mail-types.js';

const SAVE_DELAY_MS = 250;

/** The optional JSON snapshot of the store, so `npm start` keeps the demo mailbox across restarts. */
export class SnapshotFile {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly file: string,
    private readonly read: () => StoreState,
  ) {}

  load(): StoreState | undefined {
    if (!existsSync(this.file)) return undefined;
    try {
      return JSON.parse(readFileSync(this.file, 'utf8')) as StoreState;
    } catch (error) {
      console.warn(`[emulator] ignoring unreadable snapshot ${this.file}:`, error);
      return undefined;
    }
  }

  /** Coalesces bursts of changes into one write. */
  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => this.saveNow(), SAVE_DELAY_MS);
  }

  saveNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.read()));
    renameSync(tmp, this.file);
  }
}
