import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  startEmulator,
  type EmulatorOptions,
  type RecordedExchange,
  type RunningEmulator,
} from '../../emulator/src/index.js';
import { testCaDir, testSigningKeysFile } from './emulator-ca.js';

export type TestEmulator = RunningEmulator & {
  /** Every request the emulator answered, $batch steps included, in order. */
  exchanges: RecordedExchange[];
  /** The demo mail app's credentials. */
  mailApp: { clientId: string; clientSecret: string };
  /** Calls the control API (/_emulator/...). */
  control(method: string, path: string, body?: unknown, contentType?: string): Promise<Response>;
};

/**
 * An in-process emulator on a free port with a temp data dir and the shared test CA (which global-setup put into
 * NODE_EXTRA_CA_CERTS). No demo content unless asked: tests start from empty mailboxes.
 */
export async function startTestEmulator(options: Partial<EmulatorOptions> = {}): Promise<TestEmulator> {
  const dataDir = mkdtempSync(join(tmpdir(), 'm365-emulator-'));
  copyFileSync(testSigningKeysFile, join(dataDir, 'signing-keys.json'));
  const exchanges: RecordedExchange[] = [];
  const emulator = await startEmulator({
    port: 0,
    seed: false,
    ...options,
    dataDir,
    caDir: testCaDir,
    onExchange: (e) => {
      exchanges.push(e);
      options.onExchange?.(e);
    },
  });
  const mail = emulator.tenant.apps.find((a) => a.clientSecret !== null);
  if (!mail?.clientSecret) throw new Error('The demo tenant has no mail app');
  return {
    ...emulator,
    exchanges,
    mailApp: { clientId: mail.clientId, clientSecret: mail.clientSecret },
    control: (method, path, body, contentType) =>
      fetch(`${emulator.url}/_emulator${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': contentType ?? 'application/json' },
        body:
          body === undefined
            ? undefined
            : typeof body === 'string'
              ? body
              : Buffer.isBuffer(body)
                ? new Uint8Array(body)
                : JSON.stringify(body),
      }),
    close: async () => {
      await emulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
