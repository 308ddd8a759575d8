import { existsSync } from 'node:fs';
import {
  TooComplexError,
  type Understand,
  type UnderstandInput,
  type Understood,
} from '../../reply/understand-message.js';
import { TimeLimitError, WorkerPool } from './worker-pool.js';

// Reading an email's body (rendering, extraction) off the API's thread, with a time budget per message: a body built
// to be slow costs a worker its budget and goes to the Mail Center as too-complex, while requests keep being answered.
// One pool per process, started on first use.

/** The time one email's body may take to read, unless the installation sets another (MAIL_READ_TIME_LIMIT_SEC). */
export const DEFAULT_READ_TIME_LIMIT_MS = 10_000;

let pool: WorkerPool | undefined;

function shared(): WorkerPool {
  // A bundled build (the kill tests' engine child, a deployment bundle) ships the worker compiled beside the bundle;
  // from source, tsx runs the TypeScript.
  const compiled = new URL('./understand-worker.mjs', import.meta.url);
  pool ??= new WorkerPool(
    existsSync(compiled) ? compiled : new URL('./understand-worker.ts', import.meta.url),
  );
  return pool;
}

/** Reads a body in a worker; rejects with TooComplexError when it takes longer than `limitMs`. */
export const understand: Understand = async (
  input: UnderstandInput,
  limitMs = DEFAULT_READ_TIME_LIMIT_MS,
): Promise<Understood> => {
  try {
    return await shared().run<Understood>(input, limitMs);
  } catch (error) {
    throw error instanceof TimeLimitError ? new TooComplexError(error.limitMs) : error;
  }
};

/** Starts the workers ahead of the first email (loading them takes a few seconds under tsx). */
export function warmUnderstandPool(): void {
  shared().warm();
}

/** Stops the workers (at shutdown; a later call starts a new pool). */
export async function closeUnderstandPool(): Promise<void> {
  const current = pool;
  pool = undefined;
  await current?.close();
}
