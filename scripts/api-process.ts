import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { apiEnvironment } from '../emulator/src/index.js';

// What `npm start` and `npm run serve` share: the settings that join an emulator's demo tenant, and the API as a
// child process that says on its IPC channel which port it listens on.

/** Demo mode against a running emulator, trusting its CA (read by Node only at process start). */
export function demoTenantEnvironment(
  emulator: { url: string; authorityHost?: string },
  caCertFile: string,
): NodeJS.ProcessEnv {
  return {
    DEMO: '1',
    ...apiEnvironment({ url: emulator.url, authorityHost: emulator.authorityHost ?? emulator.url }),
    EMULATOR_URL: emulator.url,
    NODE_EXTRA_CA_CERTS: caCertFile,
  };
}

export function spawnApi(
  env: NodeJS.ProcessEnv,
  stdio: StdioOptions = ['inherit', 'inherit', 'inherit', 'ipc'],
): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'api/src/main.ts'], { env, stdio });
}

/** The API says on its IPC channel which port it listens on (PORT=0 picks a free one). */
export function listeningPort(api: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The API did not start listening within 60 s.')), 60_000);
    api.on('message', (message: { listening?: { port?: unknown } }) => {
      if (typeof message?.listening?.port !== 'number') return;
      clearTimeout(timer);
      resolve(message.listening.port);
    });
    api.once('exit', (code) =>
      reject(new Error(`The API stopped (exit code ${code}) before it listened; its messages are above.`)),
    );
  });
}
