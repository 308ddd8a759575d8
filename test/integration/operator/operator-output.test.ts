import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCaDir } from '../../support/emulator-ca.js';

// `npm start` as an operator sees it: the URLs, then one line per event. Here its output is a pipe, as for a log
// collector, so the API writes JSON lines; static files and reads stay out of the log at info. Then `npm run
// demo:reply` as the banner says to run it, and what it prints when it cannot reach the emulator.

type LogLine = { level: number; msg: string; req?: { url: string; method: string } };

let start: ChildProcess;
let output = '';
let base = '';
const dataDir = mkdtempSync(join(tmpdir(), 'npm-start-'));

/** Polls the output (bounded) until `done` holds; a failure shows what npm start printed. */
async function outputUntil(done: (text: string) => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 45_000;
  while (!done(output)) {
    if (Date.now() > deadline || start.exitCode !== null)
      throw new Error(`npm start did not print ${what}; it printed:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const jsonLines = (): LogLine[] =>
  output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);

beforeAll(async () => {
  // The emulator npm start runs keeps its CA and signing keys in DATA_DIR/emulator: the suites' shared ones save
  // generating RSA keys here.
  cpSync(testCaDir, join(dataDir, 'emulator'), { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', EMULATOR_PORT: '0', DATA_DIR: dataDir };
  for (const name of ['AAD_APP_CLIENT_ID', 'DEMO', 'LOG_LEVEL', 'LOG_FORMAT', 'NODE_ENV', 'EMULATOR_URL'])
    delete env[name];
  // Its own process group, so the API it starts goes with it at the end.
  start = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  start.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  start.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  // The URLs come from npm start, the log line from the API it starts, through another pipe: under load the summary can
  // arrive first, so wait for both.
  await outputUntil(
    (text) =>
      text.includes('Press Ctrl+C to stop.') && text.includes('"msg":"Service Messaging API listening"'),
    "its URLs and the API's listening line",
  );
  base = /Teams tab \(standalone\): +(http:\/\/localhost:\d+)\/tab\//.exec(output)?.[1] ?? '';
}, 60_000);

afterAll(async () => {
  if (start?.pid && start.exitCode === null) {
    const exited = new Promise((resolve) => start.once('exit', resolve));
    process.kill(-start.pid, 'SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('prints the URLs it really listens on, including how demo:reply finds this run', () => {
    expect(base).toMatch(/^http:\/\/localhost:\d+$/);
    expect(output).toContain(`Outlook add-in task pane: ${base}/addin/taskpane.html`);
    expect(output).toMatch(
      /Reply as a customer: +PORT=\d+ EMULATOR_PORT=\d+ DATA_DIR=\S+ npm run demo:reply -- SR-000001/,
    );
  });

  // Issue 15 finding 5: the demo listened on every interface while /api/demo/sign-in hands out admin tokens.
  it('listens on 127.0.0.1 only in demo mode without HOST, and says so', () => {
    expect(output).toContain('Listening on:             127.0.0.1 only');
    const listening = jsonLines().find((l) => l.msg === 'Service Messaging API listening') as LogLine & {
      host?: string;
    };
    expect(listening?.host).toBe('127.0.0.1');
    expect(jsonLines().some((l) => l.msg.startsWith('demo mode listens on 127.0.0.1 only'))).toBe(true);
  });

  it('logs JSON lines when its output is not a terminal, one per change or failure, and no static file at info', async () => {
    for (const path of ['/tab/', '/addin/taskpane.html', '/api/health', '/api/openapi.json'])
      expect((await fetch(`${base}${path}`)).status).toBe(200);
    expect((await fetch(`${base}/api/requests`)).status).toBe(401);
    const signIn = await fetch(`${base}/api/demo/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ upn: 'admin@contoso.test' }),
    });
    expect(signIn.status).toBe(200);
    await outputUntil((text) => text.includes('POST /api/demo/sign-in 200'), 'the sign-in line');

    const lines = jsonLines();
    expect(lines.find((l) => l.msg.startsWith('POST /api/demo/sign-in 200'))).toMatchObject({
      level: 30,
      req: { method: 'POST', url: '/api/demo/sign-in' },
    });
    expect(lines.find((l) => l.msg.startsWith('GET /api/requests 401'))).toMatchObject({ level: 40 });
    const requestUrls = lines.flatMap((l) => (l.req ? [l.req.url] : []));
    expect(requestUrls.filter((url) => !url.startsWith('/api/'))).toEqual([]);
    expect(requestUrls).not.toContain('/api/openapi.json');
    // Besides the JSON lines, only npm start's own: the emulator's address and the URL banner.
    const others = output.split('\n').filter((line) => line.trim() && !line.startsWith('{'));
    expect(
      others.every((line) =>
        /^(M365 emulator|Service Messaging is running| {2}\S.*: |Press Ctrl\+C)/.test(line),
      ),
      others.join('\n'),
    ).toBe(true);
  });
});

const run = promisify(execFile);

/** `npm run demo:reply -- …` with the environment the banner names (and nothing of this shell's emulator settings). */
function demoReply(args: string[], settings: Record<string, string>) {
  const env: NodeJS.ProcessEnv = { ...process.env, ...settings };
  for (const name of ['EMULATOR_URL', 'EMULATOR_CA_FILE', 'EMULATOR_DATA_DIR']) delete env[name];
  return run(process.execPath, ['--import', 'tsx', 'emulator/src/cli/demo-reply.ts', ...args], { env });
}

describe('npm run demo:reply', () => {
  const bannerSettings = () =>
    Object.fromEntries(
      [
        ...(/Reply as a customer: +(.*) npm run demo:reply/.exec(output)?.[1] ?? '').matchAll(/(\w+)=(\S+)/g),
      ].map((m) => [m[1], m[2]]),
    );

  it("follows PORT, EMULATOR_PORT and DATA_DIR like npm start: the reply lands, and it links the SR in this run's tab", async () => {
    const settings = bannerSettings();
    expect(Object.keys(settings)).toEqual(['PORT', 'EMULATOR_PORT', 'DATA_DIR']);
    // The demo's rule emails every seeded SR; demo:reply answers the one about SR-000001 once it is in Sent Items.
    const deadline = Date.now() + 20_000;
    for (;;) {
      const attempt = await demoReply(['SR-000001', 'Forgetting the network worked.'], settings).catch(
        (error: { stdout: string; stderr: string }) => error,
      );
      if (attempt.stdout.includes('Delivered to support@contoso.test')) {
        expect(attempt.stdout).toContain(`The SR:      ${base}/tab/#/requests/SR-000001`);
        break;
      }
      expect(attempt.stderr, 'only "not sent yet" is worth another try').toContain(
        "No email in support@contoso.test's Sent Items mentions SR-000001",
      );
      if (Date.now() > deadline) throw new Error(`demo:reply never found the rule email: ${attempt.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });

  it('says in one line, without a stack trace, that no emulator answers', async () => {
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const failure = await demoReply(['SR-000001', 'Hello'], {
      EMULATOR_PORT: String(closed),
      DATA_DIR: dataDir,
    }).then(
      () => {
        throw new Error('demo:reply succeeded without an emulator');
      },
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure.code).toBe(1);
    expect(failure.stderr).toMatch(
      new RegExp(
        `^No M365 emulator answers at https://localhost:${closed} \\(ECONNREFUSED\\)\\. Is npm start running\\?.*\\n$`,
      ),
    );
    expect(failure.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });
});
