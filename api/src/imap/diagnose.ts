import { lookup } from 'node:dns/promises';
import { connect } from 'node:net';
import type { MailAccount } from '../domain/mail-account.js';
import type { ConnectionStepResult } from '../ports/mailbox.js';
import { isMailTransportError } from '../ports/mail-transport-error.js';
import type { ImapCredentials } from './imap-credentials.js';
import { transportFailure } from './imap-failure.js';
import { imapEndpoint, openImap, type ImapSession } from './imap-session.js';
import { resolveImapFolder } from './resolve-folder.js';
import { createSmtpTransport } from './smtp-transport.js';

// "Test connection" for an IMAP/SMTP account, one step at a time so the admin sees the first thing that is wrong and
// what already works: DNS, TCP, TLS (certificate problems named), sign-in (wrong password, token refused, IMAP off),
// the folder, then the SMTP server (connection, TLS and sign-in in one).

export async function diagnoseImapSmtp(
  account: MailAccount,
  credentials: ImapCredentials,
  session: ImapSession,
  folder: string,
): Promise<ConnectionStepResult[]> {
  const steps: ConnectionStepResult[] = [];
  const { host, port } = imapEndpoint(account);
  const fail = (name: ConnectionStepResult['name'], error: unknown) => {
    steps.push({
      name,
      ok: false,
      detail: isMailTransportError(error)
        ? error.message
        : transportFailure(error, { protocol: 'IMAP', host, port, authMethod: account.authMethod }).message,
    });
    return steps;
  };
  try {
    const { address } = await lookup(host);
    steps.push({ name: 'dns', ok: true, detail: `${host} resolves to ${address}.` });
  } catch (error) {
    return fail('dns', error);
  }
  try {
    await tcpConnect(host, port);
    steps.push({ name: 'tcp', ok: true, detail: `${host}:${port} accepts connections.` });
  } catch (error) {
    return fail('tcp', error);
  }
  try {
    const client = await openImap(imapEndpoint(account), credentials);
    await client.logout().catch(() => client.close());
    steps.push({
      name: 'tls',
      ok: true,
      detail: `${account.incomingSecurity === 'tls' ? 'TLS' : 'STARTTLS'} with a certificate valid for ${host}.`,
    });
    steps.push({
      name: 'authentication',
      ok: true,
      detail: `Signed in to IMAP as ${credentials.method === 'oauth2' ? 'the mail app (XOAUTH2)' : 'the user name and password'}.`,
    });
  } catch (error) {
    if (
      isMailTransportError(error) &&
      error.kind !== 'tls' &&
      error.kind !== 'timeout' &&
      error.kind !== 'server'
    ) {
      steps.push({
        name: 'tls',
        ok: true,
        detail: `${account.incomingSecurity === 'tls' ? 'TLS' : 'STARTTLS'} with a certificate valid for ${host}.`,
      });
      return fail('authentication', error);
    }
    return fail('tls', error);
  }
  try {
    const found = await resolveImapFolder(session, folder);
    steps.push({ name: 'folder', ok: true, detail: `Found the folder "${found.displayName}".` });
  } catch (error) {
    return fail('folder', error);
  }
  try {
    const transport = createSmtpTransport(account, await credentials.signIn());
    await transport.verify();
    transport.close();
    steps.push({
      name: 'smtp',
      ok: true,
      detail: `The SMTP server ${account.outgoingHost}:${account.outgoingPort} accepted the sign-in; the desk can send.`,
    });
  } catch (error) {
    steps.push({
      name: 'smtp',
      ok: false,
      detail: transportFailure(error, {
        protocol: 'SMTP',
        host: account.outgoingHost,
        port: account.outgoingPort,
        authMethod: account.authMethod,
      }).message,
    });
  }
  return steps;
}

function tcpConnect(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, timeout: 10_000 }, () => {
      socket.destroy();
      resolve();
    });
    socket.on('timeout', () => socket.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
    socket.on('error', reject);
  });
}
