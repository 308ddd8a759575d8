import { describe, expect, it } from 'vitest';
import { SerialRunner } from '../../../api/src/mail/serial-runner.js';

// The one-at-a-time runner behind a mailbox's syncs and its subscription upkeep: a request made while a run is under
// way is not folded into that run (which may have read its state already) but served by one more run after it.

/** A task whose runs end when the test says, recording when each started. */
function controlledTask() {
  const started: number[] = [];
  const finishers: Array<(fail?: boolean) => void> = [];
  const task = () =>
    new Promise<number>((resolve, reject) => {
      started.push(started.length + 1);
      const run = started.length;
      finishers.push((fail) => (fail ? reject(new Error(`run ${run} failed`)) : resolve(run)));
    });
  const finish = async (index: number, fail = false) => {
    finishers[index]!(fail);
    // Let the runner's own continuations (clearing the current run, starting the queued one) happen.
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { task, started, finish };
}

describe('SerialRunner', () => {
  it('serves requests made during a run with one more run after it, a burst costing one run', async () => {
    const { task, started, finish } = controlledTask();
    const runner = new SerialRunner(task);
    const first = runner.run();
    const during = [runner.run(), runner.run(), runner.run()];
    expect(started).toEqual([1]);
    await finish(0);
    expect(await first).toBe(1);
    expect(started).toEqual([1, 2]);
    await finish(1);
    expect(await Promise.all(during)).toEqual([2, 2, 2]);
    expect(runner.isRunning).toBe(false);
  });

  it('starts the queued run after a run that failed', async () => {
    const { task, started, finish } = controlledTask();
    const runner = new SerialRunner(task);
    const failing = runner.run();
    const queued = runner.run();
    await finish(0, true);
    await expect(failing).rejects.toThrow('run 1 failed');
    expect(started).toEqual([1, 2]);
    await finish(1);
    expect(await queued).toBe(2);
  });

  it('runs at once when nothing is running', async () => {
    const { task, started, finish } = controlledTask();
    const runner = new SerialRunner(task);
    const first = runner.run();
    await finish(0);
    await first;
    const second = runner.run();
    expect(started).toEqual([1, 2]);
    await finish(1);
    expect(await second).toBe(2);
  });
});
