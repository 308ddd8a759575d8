import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID, SERVICE_MAILBOX } from '../../../emulator/src/index.js';
import { startDropProxy, type DropProxy } from '../../support/mail-servers/drop-proxy.js';
import { customerReply } from './support/replies.js';
import { desk } from './support/desk.js';
import { eventually } from './support/mail-stack.js';
import { imapUnavailable, startImapStack, unreadIn, type ImapStack } from './support/imap-stack.js';

// IMAP faults, each ending in a clear account state with nothing lost and nothing imported twice: the connection
// dropped mid-fetch, IDLE gone silent, UIDVALIDITY changed, a wrong certificate, a refused (expired or revoked) OAuth
// token that a fresh token fixes, and one it does not ("re-authorisation required").

if (imapUnavailable) console.warn(`IMAP/SMTP fault tests did not run: ${imapUnavailable}`);

type Health = {
  reauthorisationRequired: boolean;
  lastError?: { code: string; explanation: string };
  subscription: {
    state: string;
    connected?: boolean;
    explanation?: string;
    lastInterruption?: { explanation: string };
  };
};

describe.skipIf(imapUnavailable)('IMAP faults', () => {
  let stack: ImapStack;
  let proxy: DropProxy;
  let d: ReturnType<typeof desk>;
  const keyring = () => stack.runtime.services.ecIdKeyring;
  const health = async () => (await d.health()) as unknown as Health;

  beforeAll(async () => {
    stack = await startImapStack({ env: { IMAP_IDLE_HEARTBEAT_SEC: '1' } });
    proxy = await startDropProxy({ host: '127.0.0.1', port: stack.servers.ports.imaps });
    await stack.createAccount({ incomingPort: proxy.port });
    d = desk(stack);
    await eventually('IDLE connected', async () => (await health()).subscription.connected);
  });
  afterAll(async () => {
    await stack?.close();
    await proxy?.close();
  });

  async function replies(count: number, attachmentBytes = 0): Promise<number[]> {
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      const id = await d.createRequest({ status: 'Open' });
      ids.push(id);
      await stack.append(
        await customerReply({
          requestId: id,
          keyring: keyring(),
          text: `Reply ${i}`,
          ...(attachmentBytes
            ? { attachments: [{ filename: `f${i}.bin`, content: Buffer.alloc(attachmentBytes, i) }] }
            : {}),
        }),
      );
    }
    return ids;
  }

  async function exactlyOneNoteEach(ids: number[]): Promise<void> {
    for (const id of ids)
      await eventually(`a note on SR ${id}`, async () => (await d.notes(id)).length > 0, 20_000);
    for (const id of ids) expect(await d.notes(id), `SR ${id}`).toHaveLength(1);
  }

  it('reads again, in the same sync, the emails whose fetch the server cut off', async () => {
    // Each reply is ~270 KB on the wire; the cut lands inside the second fetch (the IDLE connection goes down with it
    // and comes back, which is part of the fault).
    proxy.dropAfter(400_000);
    const ids = await replies(4, 200_000);
    await exactlyOneNoteEach(ids);
    expect(proxy.drops).toBeGreaterThan(0);
    const client = await stack.imap();
    expect(await unreadIn(client)).toBe(0);
    await client.logout();
  });

  it('notices IDLE gone silent, reconnects and catches up what arrived meanwhile', async () => {
    // The previous fault's dropped connection may still be reconnecting: freeze only once the IDLE session exists.
    await eventually('IDLE connected', async () => (await health()).subscription.connected);
    const frozen = stack.servers.signalImapSessions('SIGSTOP');
    let id = 0;
    try {
      // The heartbeat (1 s here) gets no answer: the watch drops the connection and opens a new one. The reconnect can be
      // over before a health request answers on a loaded machine, so the test reads the recorded last interruption.
      const noticed = eventually(
        'the silence noticed',
        async () => /did not answer/.test((await health()).subscription.lastInterruption?.explanation ?? ''),
        20_000,
      );
      [id = 0] = await replies(1);
      await noticed;
    } finally {
      for (const pid of frozen) process.kill(pid, 'SIGCONT');
    }
    await exactlyOneNoteEach([id]);
    // The catch-up can file the reply before the new IDLE session is up: wait (bounded) for the watch to be back.
    await eventually('IDLE connected again', async () => {
      const subscription = (await health()).subscription;
      return subscription.state === 'idle' && subscription.connected;
    });
  });

  it('after a UIDVALIDITY change finds the emails under their new UIDs and imports none of them twice', async () => {
    const ids = await replies(2);
    await exactlyOneNoteEach(ids);
    // The folder is renumbered and its emails show as unread again, as after a server rebuilt its index.
    const client = await stack.imap();
    await client.mailboxOpen('INBOX');
    await client.messageFlagsRemove('1:*', ['\\Seen']);
    await client.logout();
    await stack.servers.setUidValidity(SERVICE_MAILBOX, 'INBOX', 4242);
    await eventually(
      'every email read again',
      async () => {
        const check = await stack.imap();
        const unread = await unreadIn(check);
        await check.logout();
        if (unread > 0)
          await stack.api().post(`/api/admin/mail/accounts/${stack.accountId}/sync`).set(d.as(stack.admin));
        return unread === 0;
      },
      20_000,
    );
    for (const id of ids) expect(await d.notes(id)).toHaveLength(1);
    expect((await d.mailCenter()).items).toEqual([]);
  });

  it('names a wrong certificate and imports nothing until the host is right', async () => {
    const res = await stack
      .api()
      .patch(`/api/admin/mail/accounts/${stack.accountId}`)
      .set(d.as(stack.admin))
      .send({ incomingHost: '127.0.0.2', incomingPort: stack.servers.ports.imaps });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [id = 0] = await replies(1);
    const test = await stack
      .api()
      .post(`/api/admin/mail/accounts/${stack.accountId}/test`)
      .set(d.as(stack.admin));
    expect(test.body).toMatchObject({
      ok: false,
      steps: [
        { name: 'dns', ok: true },
        { name: 'tcp', ok: true },
        { name: 'tls', ok: false },
      ],
    });
    expect(JSON.stringify(test.body)).toContain('certificate is for another host name');
    const sync = await stack
      .api()
      .post(`/api/admin/mail/accounts/${stack.accountId}/sync`)
      .set(d.as(stack.admin));
    expect(sync.status).toBe(502);
    expect((await health()).lastError).toMatchObject({ code: 'imap-tls' });
    expect(await d.notes(id)).toHaveLength(0);
    await stack
      .api()
      .patch(`/api/admin/mail/accounts/${stack.accountId}`)
      .set(d.as(stack.admin))
      .send({ incomingHost: '127.0.0.1', incomingPort: proxy.port })
      .expect(200);
    await exactlyOneNoteEach([id]);
  });

  it('gets a fresh token once when the server refuses the cached one, and says "re-authorisation required" when that fails too', async () => {
    const jwks = async () =>
      (await (await fetch(`${stack.emulator.url}/${DEMO_TENANT_ID}/discovery/v2.0/keys`)).json()) as {
        keys: Array<Record<string, unknown>>;
      };
    // The emulator retires the key that signed the cached token; the server learns the new key set. The cached token
    // is now refused, a fresh one is accepted.
    await stack.emulator.control('POST', '/tokens/expire');
    stack.servers.trustKeys(await jwks());
    stack.servers.signalImapSessions('SIGTERM');
    const [first = 0] = await replies(1);
    await exactlyOneNoteEach([first]);
    expect((await health()).reauthorisationRequired).toBe(false);
    expect(stack.servers.log()).toMatch(/Local validation failed|Bad signature|not found/);

    // No key the server trusts signs any token now: the fresh token is refused as well.
    stack.servers.trustKeys({ keys: [] });
    stack.servers.signalImapSessions('SIGTERM');
    const [second = 0] = await replies(1);
    const refused = await eventually(
      're-authorisation required',
      async () => {
        await stack.api().post(`/api/admin/mail/accounts/${stack.accountId}/sync`).set(d.as(stack.admin));
        const h = await health();
        return h.reauthorisationRequired ? h : undefined;
      },
      20_000,
    );
    expect(refused.lastError).toMatchObject({
      code: 'imap-consent',
      explanation: expect.stringMatching(/^Re-authorisation required: .*IMAP\.AccessAsApp/),
    });
    expect(await d.notes(second)).toHaveLength(0);

    // The admin fixes it: the email that waited is imported, once.
    stack.servers.trustKeys(await jwks());
    await eventually(
      'the waiting email imported after "Sync now"',
      async () => {
        await stack.api().post(`/api/admin/mail/accounts/${stack.accountId}/sync`).set(d.as(stack.admin));
        return (await d.notes(second)).length > 0;
      },
      20_000,
      250,
    );
    await exactlyOneNoteEach([second]);
    expect((await health()).reauthorisationRequired).toBe(false);
  });
});
