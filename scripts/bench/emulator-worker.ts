import { parentPort, workerData } from 'node:worker_threads';
import { startEmulator, type EmulatorOptions } from '../../emulator/src/index.js';

// The emulator on its own thread: still in-process, but its work (serialising messages, the latency timers) does not
// queue behind the API's on one event loop, as Graph's does not in production.

if (!parentPort) throw new Error('Run this file as a worker thread.');
const port = parentPort;
const exchanges: Array<{ method: string; path: string; status: number; batched: boolean; at: number }> = [];
const emulator = await startEmulator({
  ...(workerData as EmulatorOptions),
  onExchange: (e) =>
    exchanges.push({ method: e.method, path: e.path, status: e.status, batched: e.batched, at: Date.now() }),
});
port.on('message', (message: 'exchanges' | 'clear' | 'close') => {
  if (message === 'exchanges') port.postMessage({ exchanges });
  if (message === 'clear') {
    exchanges.length = 0;
    port.postMessage({ cleared: true });
  }
  if (message === 'close') void emulator.close().then(() => port.postMessage({ closed: true }));
});
port.postMessage({
  started: { url: emulator.url, authorityHost: emulator.authorityHost, tenant: emulator.tenant },
});
