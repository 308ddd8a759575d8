import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Azurite = { connectionString: string; account: string; stop(): Promise<void> };

const START_TIMEOUT_MS = 20_000;
const ACCOUNT = 'smtest';

/**
 * Azurite's Blob service (the npm package) in a child process on a free port, keeping blobs in memory. Its account
 * key is random for each run, so no key is written in the repository. Fails with Azurite's own output when it does not
 * start: a suite that needs it must fail, never pass without it.
 */
export async function startAzurite(): Promise<Azurite> {
  const main = createRequire(import.meta.url).resolve('azurite/dist/src/blob/main.js');
  const location = await mkdtemp(join(tmpdir(), 'sm-azurite-'));
  const key = randomBytes(64).toString('base64');
  const child = spawn(
    process.execPath,
    [
      main,
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      '0',
      '--inMemoryPersistence',
      '--extentMemoryLimit',
      '512',
      '--skipApiVersionCheck',
      '--disableTelemetry',
    ],
    // Run in a temp folder: nothing is persisted, but whatever Azurite writes beside it lands there.
    {
      cwd: location,
      env: { ...process.env, AZURITE_ACCOUNTS: `${ACCOUNT}:${key}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  // A test worker that dies without its afterAll must not leave Azurite running.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.off('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const forced = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(forced);
    }
    await rm(location, { recursive: true, force: true });
  };
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no answer within ${START_TIMEOUT_MS} ms`)),
        START_TIMEOUT_MS,
      );
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        const listening = /listens on https?:\/\/[^:\s]+:(\d+)/.exec(output);
        if (listening) {
          clearTimeout(timer);
          resolve(Number(listening[1]));
        }
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.once('error', (error) => reject(error));
      child.once('exit', (code, signal) => reject(new Error(`it exited (${signal ?? `code ${code}`})`)));
    });
    return {
      account: ACCOUNT,
      connectionString: `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${key};BlobEndpoint=http://127.0.0.1:${port}/${ACCOUNT};`,
      stop,
    };
  } catch (error) {
    await stop();
    throw new Error(
      `Azurite (the Azure Blob Storage emulator the Azure blob store tests run against) did not start: ${(error as Error).message}\n${output}`,
      { cause: error },
    );
  }
}
