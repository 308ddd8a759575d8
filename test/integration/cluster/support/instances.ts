import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

// API instances as real processes, started the way an operator starts them (`npm run serve`, i.e. scripts/serve.ts
// under tsx), each on its own port and INSTANCE_ID, all on one database: killed, frozen and restarted by the tests.

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

export type Instance = {
  readonly id: string;
  readonly port: number;
  process: ChildProcess;
  /** Resolves when the API says it listens (over IPC). */
  listening: Promise<void>;
  output: string[];
  /** Every process this slot ran, for the log evidence at the end. */
  history: string[][];
};

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startInstance(
  id: string,
  env: Record<string, string>,
  port?: number,
): Promise<Instance> {
  const chosen = port ?? (await freePort());
  const instance = { id, port: chosen, output: [] as string[], history: [] as string[][] } as Instance;
  launch(instance, env);
  return instance;
}

function launch(instance: Instance, env: Record<string, string>): void {
  const url = `http://127.0.0.1:${instance.port}`;
  // CPU_PROFILE_DIR (the cluster bench's BENCH_CLUSTER_CPU_PROFILE_DIR): a V8 CPU profile, written when it stops.
  const profile = env.CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${env.CPU_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'scripts/serve.ts'], {
    cwd: repoRoot,
    // PUBLIC_URL: its own, unless the caller puts a load balancer in front (env.PUBLIC_URL).
    env: {
      ...process.env,
      PUBLIC_URL: url,
      ...env,
      PORT: String(instance.port),
      HOST: '127.0.0.1',
      INSTANCE_ID: instance.id,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  instance.process = child;
  instance.output = output;
  instance.history.push(output);
  instance.listening = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${instance.id} did not listen within 90 s: ${output.join('')}`)),
      90_000,
    );
    child.on('message', (message: { listening?: unknown }) => {
      if (message?.listening) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${instance.id} exited (${code ?? signal}) before it listened: ${output.join('')}`));
    });
  });
  // A kill before listening is part of the test: its rejection is read only by whoever awaits it.
  instance.listening.catch(() => undefined);
}

/** SIGKILL, then the same slot (port, INSTANCE_ID) started again at once. */
export async function killAndRestart(instance: Instance, env: Record<string, string>): Promise<void> {
  await kill(instance);
  launch(instance, env);
}

export function kill(instance: Instance): Promise<void> {
  return endWith(instance, 'SIGKILL');
}

/** SIGTERM, as a platform stops an instance: it hands its leases over and exits (writing its CPU profile, if any). */
export function stop(instance: Instance): Promise<void> {
  return endWith(instance, 'SIGTERM');
}

async function endWith(instance: Instance, name: 'SIGKILL' | 'SIGTERM'): Promise<void> {
  const child = instance.process;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(name);
  await exited;
}

export function signal(instance: Instance, name: 'SIGSTOP' | 'SIGCONT'): void {
  instance.process.kill(name);
}
