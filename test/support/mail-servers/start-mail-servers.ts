import { spawn, type ChildProcess } from 'node:child_process';
import { createPublicKey, type JsonWebKey } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createConnection, createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCertificates } from '../../../emulator/src/certs/ensure-certificates.js';
import { testCaDir } from '../emulator-ca.js';
import { dovecotConfig, type DovecotPorts } from './dovecot-config.js';
import { postfixConfig } from './postfix-config.js';

// Real Dovecot (IMAP, LMTP, SASL auth) and Postfix (submission) for a test run, started from their Debian binaries
// with their own configuration in a temp directory on free loopback ports, never as system services. When they are
// not installed the caller gets the reason and the one command that installs them.

export const INSTALL_COMMAND = 'sudo apt-get install -y dovecot-imapd dovecot-lmtpd postfix';
const DOVECOT = '/usr/sbin/dovecot';
const POSTFIX = '/usr/sbin/postfix';
const POSTFIX_MASTER = '/usr/lib/postfix/sbin/master';

export type MailServers = {
  dir: string;
  host: string;
  ports: DovecotPorts & { submission: number; submissions: number };
  /** Adds a mailbox user with a password. */
  addUser(address: string, password: string): void;
  /** A user whose IMAP is turned off: the right password is refused with [CONTACTADMIN] (Dovecot's nologin). */
  addUserWithImapOff(address: string, password: string): void;
  /** Replaces the keys Dovecot accepts token signatures from (a JWKS), and reloads Dovecot. */
  trustKeys(jwks: { keys: Array<Record<string, unknown>> }): void;
  /** Sends a signal to every IMAP session process (SIGSTOP: a server gone silent; SIGTERM: connections dropped). */
  signalImapSessions(signal: NodeJS.Signals): number[];
  /** Sets a folder's UIDVALIDITY (doveadm), as a server does when it rebuilds a folder. */
  setUidValidity(user: string, folder: string, value: number): Promise<void>;
  log(): string;
  close(): Promise<void>;
};

/** How a mail account reaches these servers: IMAPS in and SMTP submission with STARTTLS out, on the loopback. */
export function accountEndpoints(servers: Pick<MailServers, 'ports'>) {
  return {
    transport: 'imap-smtp',
    incomingHost: '127.0.0.1',
    incomingPort: servers.ports.imaps,
    incomingSecurity: 'tls',
    outgoingHost: '127.0.0.1',
    outgoingPort: servers.ports.submission,
    outgoingSecurity: 'starttls',
  } as const;
}

/** Why the servers cannot run here, or undefined when they can. */
export function mailServersUnavailable(): string | undefined {
  if (!existsSync(DOVECOT) || !existsSync(POSTFIX) || !existsSync(POSTFIX_MASTER))
    return `Dovecot and Postfix are not installed; install them with: ${INSTALL_COMMAND}`;
  if (process.getuid?.() !== 0)
    return 'Postfix starts only as root (its master drops privileges to the postfix user); run the IMAP/SMTP tests as root, or in CI.';
  return undefined;
}

export async function startMailServers(options: {
  issuer: string;
  audience: string;
  messageSizeLimit?: number;
  caDir?: string;
}): Promise<MailServers> {
  const reason = mailServersUnavailable();
  if (reason) throw new Error(reason);
  const dir = mkdtempSync(join(tmpdir(), 'mail-servers-'));
  chmodSync(dir, 0o755);
  const [imap, imaps, lmtp, auth, submission, submissions] = await freePorts(6);
  const ports = {
    imap: imap!,
    imaps: imaps!,
    lmtp: lmtp!,
    auth: auth!,
    submission: submission!,
    submissions: submissions!,
  };
  const vmail = uidOf('dovecot');
  for (const sub of ['run', 'state', 'tls', 'keys', 'postfix/queue', 'postfix/data'])
    mkdirSync(join(dir, sub), { recursive: true });
  mkdirSync(join(dir, 'mail'));
  chownSync(join(dir, 'mail'), vmail.uid, vmail.gid);
  const postfixUser = uidOf('postfix');
  chownSync(join(dir, 'postfix', 'data'), postfixUser.uid, postfixUser.gid);
  // The certificate comes from the CA the caller's process trusts (NODE_EXTRA_CA_CERTS): the tests' or the bench's.
  const certs = ensureCertificates(options.caDir ?? testCaDir);
  writeFileSync(join(dir, 'tls', 'cert.pem'), certs.leafCertPem);
  writeFileSync(join(dir, 'tls', 'key.pem'), certs.leafKeyPem, { mode: 0o600 });
  writeFileSync(join(dir, 'users'), '');
  const who = { loginUser: 'dovenull', internalUser: 'dovecot', mailUid: vmail.uid, mailGid: vmail.gid };
  for (const [name, text] of Object.entries(dovecotConfig(dir, ports, who, options)))
    writeFileSync(join(dir, name), text);
  const postfixDir = join(dir, 'postfix');
  for (const [name, text] of Object.entries(
    postfixConfig(dir, ports, { messageSizeLimit: options.messageSizeLimit ?? 40 * 1024 * 1024 }),
  ))
    writeFileSync(join(postfixDir, name), text);

  const dovecot = run(DOVECOT, ['-F', '-c', join(dir, 'dovecot.conf')]);
  // `postfix check` creates the queue directories; the master then runs in the foreground as our child (`postfix
  // start-fg` would leave it detached from us, outliving the test).
  await finished(run(POSTFIX, ['-c', postfixDir, 'check']));
  const postfix = run(POSTFIX_MASTER, ['-c', postfixDir, '-d']);
  const servers: MailServers = {
    dir,
    host: '127.0.0.1',
    ports,
    addUser(address, password) {
      writeFileSync(
        join(dir, 'users'),
        `${readFileSync(join(dir, 'users'), 'utf8')}${address.toLowerCase()}:{PLAIN}${password}::::::\n`,
      );
    },
    addUserWithImapOff(address, password) {
      writeFileSync(
        join(dir, 'users'),
        `${readFileSync(join(dir, 'users'), 'utf8')}${address.toLowerCase()}:{PLAIN}${password}::::::nologin=y reason=IMAP_is_disabled\n`,
      );
    },
    trustKeys(jwks) {
      rmSync(join(dir, 'keys'), { recursive: true, force: true });
      // Dovecot looks keys up as shared/<azp or "default">/<alg>/<kid>; the fs dictionary drops "shared/". Entra's
      // app tokens (v1) carry no azp.
      const folder = join(dir, 'keys', 'default', 'RS256');
      mkdirSync(folder, { recursive: true });
      for (const jwk of jwks.keys) {
        const kid = String(jwk.kid);
        writeFileSync(
          join(folder, kid),
          createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' }).export({ type: 'spki', format: 'pem' }),
        );
      }
      // The auth process caches keys it has loaded: a reload starts a new one that reads the new set.
      dovecot.child.kill('SIGHUP');
    },
    signalImapSessions(signal) {
      const pids = childProcesses(dovecot.child.pid ?? -1)
        .filter((p) => p.command === 'dovecot/imap')
        .map((p) => p.pid);
      for (const pid of pids) process.kill(pid, signal);
      return pids;
    },
    async setUidValidity(user, folder, value) {
      await finished(
        run('/usr/bin/doveadm', [
          '-c',
          join(dir, 'dovecot.conf'),
          'mailbox',
          'update',
          '-u',
          user,
          '--uid-validity',
          String(value),
          folder,
        ]),
      );
    },
    log: () =>
      [join(dir, 'dovecot.log'), join(postfixDir, 'maillog')]
        .map((f) => (existsSync(f) ? readFileSync(f, 'utf8') : ''))
        .join('\n'),
    async close() {
      await Promise.all([stop(dovecot.child), stop(postfix.child)]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await Promise.all([listening(ports.imap, dovecot), listening(ports.submission, postfix)]);
  } catch (error) {
    const log = servers.log();
    await servers.close();
    throw new Error(`${(error as Error).message}\n${log}`);
  }
  return servers;
}

type Running = { child: ChildProcess; output: string[]; exited: boolean };

function run(command: string, args: string[]): Running {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const running: Running = { child, output: [], exited: false };
  child.stdout?.on('data', (c: Buffer) => running.output.push(c.toString()));
  child.stderr?.on('data', (c: Buffer) => running.output.push(c.toString()));
  child.on('exit', () => (running.exited = true));
  return running;
}

/** Waits for a command to end; fails with its output when it did not succeed. */
async function finished(command: Running): Promise<void> {
  const code = command.exited
    ? command.child.exitCode
    : await new Promise<number | null>((resolve) => command.child.once('exit', resolve));
  if (code !== 0)
    throw new Error(`${command.child.spawnargs.join(' ')} failed (${code}): ${command.output.join('')}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Polls (bounded) until the port accepts connections; fails at once when the server exited. */
async function listening(port: number, server: Running): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (server.exited)
      throw new Error(`${server.child.spawnfile} exited at start: ${server.output.join('')}`);
    if (await accepts(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(
    `${server.child.spawnfile} did not listen on ${port} within 20 s: ${server.output.join('')}`,
  );
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<Server>((resolve) => {
          const server = createServer();
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

/** The direct children of a process (Linux /proc), with their titles: Dovecot names its workers "dovecot/imap". */
function childProcesses(parent: number): Array<{ pid: number; command: string }> {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        const command = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0')[0]?.trim() ?? '';
        return ppid === parent ? [{ pid: Number(name), command }] : [];
      } catch {
        return [];
      }
    });
}

function uidOf(user: string): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${user}:`));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined)
    throw new Error(`No system user ${user} (the dovecot-core package creates it).`);
  return { uid: Number(uid), gid: Number(gid) };
}
