import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

// A small pool of worker threads for CPU-bound steps, each task with a time limit. A task over its limit is refused
// with TimeLimitError and its worker is terminated (the only way to stop a synchronous loop) and replaced, so one
// hostile email costs one worker's time, never the API's event loop. A worker counts as ready once its module has
// loaded and said so; loading (compiling the TypeScript under tsx) is never charged to a task's budget.
//
// Written on node:worker_threads rather than piscina: piscina's task timeouts go through AbortSignal and still leave a
// synchronous task running to its end, and under tsx its workers need the same bootstrap as ours; what is left (a
// queue and a ready flag) is short.

export class TimeLimitError extends Error {
  constructor(readonly limitMs: number) {
    super(`The task took longer than its ${limitMs} ms limit.`);
    this.name = 'TimeLimitError';
  }
}

type Task = {
  payload: unknown;
  limitMs: number;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
};
type Slot = { worker: Worker; ready: boolean; task?: Task; timer?: NodeJS.Timeout };
type Reply = { ready: true } | { ok: true; value: unknown } | { ok: false; message: string; name?: string };

/** Starts `entry` (a .ts module under tsx, or a .js one) in a worker thread. */
function startWorker(entry: URL): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry);
  // Node 20 runs TypeScript in a worker only through tsx's API; `--import tsx` in execArgv does not reach workers.
  // tsx's ESM build of its API (its CommonJS build registers the loader from a wrong relative path inside a worker).
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const boot = `import(${JSON.stringify(tsx)}).then((api) => api.tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(boot, { eval: true });
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private closed = false;

  constructor(
    private readonly entry: URL,
    private readonly size = Math.max(1, Math.min(2, availableParallelism() - 1)),
  ) {}

  /** Runs one task; rejects with TimeLimitError when it takes longer than `limitMs` once started. */
  run<T>(payload: unknown, limitMs: number): Promise<T> {
    if (this.closed) return Promise.reject(new Error('The worker pool is closed.'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ payload, limitMs, resolve: resolve as (value: unknown) => void, reject });
      this.dispatch();
    });
  }

  /** Starts the workers now, so the first emails do not wait for them to load. */
  warm(): void {
    while (!this.closed && this.slots.length < this.size) this.spawn();
  }

  /** Tasks running or waiting. */
  get pending(): number {
    return this.queue.length + this.slots.filter((s) => s.task).length;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new Error('The worker pool is closed.'));
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const idle = this.slots.find((s) => s.ready && !s.task);
      if (!idle) {
        if (this.slots.length < this.size) this.spawn();
        return;
      }
      const task = this.queue.shift() as Task;
      idle.task = task;
      idle.timer = setTimeout(() => this.expire(idle), task.limitMs);
      idle.worker.postMessage(task.payload);
    }
  }

  private spawn(): void {
    const slot: Slot = { worker: startWorker(this.entry), ready: false };
    slot.worker.unref();
    slot.worker.on('message', (reply: Reply) => this.settle(slot, reply));
    slot.worker.on('error', (error) => this.fail(slot, error));
    slot.worker.on('exit', () => this.fail(slot, new Error('The worker stopped.')));
    this.slots.push(slot);
  }

  private settle(slot: Slot, reply: Reply): void {
    if ('ready' in reply) {
      slot.ready = true;
      this.dispatch();
      return;
    }
    const task = this.finish(slot);
    if (!task) return;
    if (reply.ok) task.resolve(reply.value);
    else task.reject(Object.assign(new Error(reply.message), { name: reply.name ?? 'Error' }));
    this.dispatch();
  }

  private finish(slot: Slot): Task | undefined {
    clearTimeout(slot.timer);
    const task = slot.task;
    delete slot.task;
    return task;
  }

  private expire(slot: Slot): void {
    const task = this.finish(slot);
    this.remove(slot);
    void slot.worker.terminate();
    task?.reject(new TimeLimitError(task.limitMs));
    this.dispatch();
  }

  /** A worker that failed to load or died: its task fails with the error, and a fresh worker takes the queue. */
  private fail(slot: Slot, error: Error): void {
    if (!this.slots.includes(slot)) return;
    this.remove(slot);
    const task = this.finish(slot);
    if (task) task.reject(error);
    else if (!slot.ready) for (const queued of this.queue.splice(0)) queued.reject(error);
    if (!this.closed) this.dispatch();
  }

  private remove(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
  }
}
