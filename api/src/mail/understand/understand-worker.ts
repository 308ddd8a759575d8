import { parentPort } from 'node:worker_threads';
import { understandMessage, type UnderstandInput } from '../../reply/understand-message.js';

// The worker thread's side of understand.ts: one message in, its understanding (or the error) out.

const port = parentPort;
if (!port) throw new Error('understand-worker.ts runs only as a worker thread');
port.on('message', (input: UnderstandInput) => {
  try {
    port.postMessage({ ok: true, value: understandMessage(input) });
  } catch (error) {
    port.postMessage({
      ok: false,
      message: error instanceof Error ? error.message : String(error),
      name: error instanceof Error ? error.name : 'Error',
    });
  }
});
port.postMessage({ ready: true });
