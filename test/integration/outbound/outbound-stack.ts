import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import request from 'supertest';
import { expect } from 'vitest';
import { compose, type Runtime } from '../../../api/src/compose.js';
import { parseConfig } from '../../../api/src/config.js';
import {
  apiEnvironment,
  DEMO_TENANT_ID,
  SERVICE_MAILBOX,
  type EmulatorOptions,
} from '../../../emulator/src/index.js';
import { startTestEmulator, type TestEmulator } from '../../support/emulator.js';
import { testStore } from '../../support/test-store.js';

// The API as npm start composes it (lowdb in a temp DATA_DIR, the outbound worker running) against an in-process
// emulator, but not in demo mode: tests set up the Default account and the SRs they need through the API.

export type GraphMessage = {
  id: string;
  subject: string;
  internetMessageId: string;
  conversationId?: string;
  isDraft?: boolean;
  body: { contentType: string; content: string };
  toRecipients: { emailAddress: { address: string; name?: string } }[];
  ccRecipients: { emailAddress: { address: string; name?: string } }[];
  internetMessageHeaders?: { name: string; value: string }[];
  attachments?: { name: string; size: number; contentBytes?: string }[];
};

export type OutboundStack = {
  emulator: TestEmulator;
  runtime: Runtime;
  dataDir: string;
  admin: string;
  agent: string;
  /** Composes the API again over the same data directory (a restart); the old runtime must be closed first. */
  restart(): Promise<Runtime>;
  api(): ReturnType<typeof request>;
  /** Messages in a mailbox folder, newest first. */
  mailbox(address: string, folder?: string): Promise<GraphMessage[]>;
  /** Polls until `done` holds for the folder's messages; fails after `timeoutMs`. */
  waitForMail(
    address: string,
    done: (messages: GraphMessage[]) => boolean,
    options?: { folder?: string; timeoutMs?: number },
  ): Promise<GraphMessage[]>;
  close(): Promise<void>;
};

export const DESK = SERVICE_MAILBOX;

export async function startOutboundStack(
  options: { env?: Record<string, string>; emulator?: Partial<EmulatorOptions>; dataDir?: string } = {},
): Promise<OutboundStack> {
  const emulator = await startTestEmulator(options.emulator);
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'outbound-'));
  const store = await testStore('lowdb');
  const parsed = parseConfig({
    NODE_ENV: 'test',
    ...store.env,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...apiEnvironment(emulator),
    ...options.env,
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const config = parsed.config;
  const stack = {
    emulator,
    dataDir,
    runtime: await compose(config, pino({ level: 'silent' }), 'test'),
    admin: await userToken(emulator, 'admin@contoso.test'),
    agent: await userToken(emulator, 'agent@contoso.test'),
  };
  const mailbox = async (address: string, folder = 'inbox'): Promise<GraphMessage[]> => {
    const res = await emulator.control('GET', `/mailboxes/${address}/messages?folder=${folder}`);
    if (res.status === 404) return [];
    if (!res.ok) throw new Error(`Listing ${address}/${folder}: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { value: GraphMessage[] }).value;
  };
  return {
    ...stack,
    get runtime() {
      return stack.runtime;
    },
    async restart() {
      stack.runtime = await compose(config, pino({ level: 'silent' }), 'test');
      return stack.runtime;
    },
    api: () => request(stack.runtime.app),
    mailbox,
    async waitForMail(address, done, { folder = 'inbox', timeoutMs = 10_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const messages = await mailbox(address, folder);
        if (done(messages)) return messages;
        if (Date.now() > deadline)
          throw new Error(
            `${address}/${folder} did not reach the expected state in ${timeoutMs} ms; it holds ${messages.length}: ${messages.map((m) => m.subject).join(' | ')}`,
          );
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async close() {
      await stack.runtime.close();
      await emulator.close();
      await store.drop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function userToken(emulator: TestEmulator, upn: string): Promise<string> {
  const res = await emulator.control('POST', '/tokens/user', { upn });
  if (!res.ok) throw new Error(`No token for ${upn}: ${res.status}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** The Default account on the emulator's support mailbox, with the demo mail app's credentials. */
export async function addDefaultAccount(
  stack: OutboundStack,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const res = await stack
    .api()
    .post('/api/admin/mail/accounts')
    .auth(stack.admin, { type: 'bearer' })
    .send({
      emailAddress: DESK,
      displayName: 'Contoso Support',
      tenantId: DEMO_TENANT_ID,
      clientId: stack.emulator.mailApp.clientId,
      clientSecret: stack.emulator.mailApp.clientSecret,
      isDefault: true,
      serviceMessaging: true,
      ...extra,
    });
  if (res.status !== 201) throw new Error(`Adding the account: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** A rule that emails the requester the "request received" template when an SR is created. */
export async function addAcknowledgeRule(stack: OutboundStack): Promise<void> {
  await stack
    .api()
    .post('/api/admin/rules')
    .auth(stack.admin, { type: 'bearer' })
    .send({
      name: 'Ack',
      trigger: { kind: 'sr-created' },
      templateId: 'request-received',
      recipients: [{ kind: 'requester' }],
    })
    .expect(201);
}

/** Turns Service Messaging on or off for an account, as an admin does in the tab. */
export async function setServiceMessaging(
  stack: OutboundStack,
  accountId: string,
  on: boolean,
): Promise<void> {
  await stack
    .api()
    .patch(`/api/admin/mail/accounts/${accountId}`)
    .auth(stack.admin, { type: 'bearer' })
    .send({ serviceMessaging: on })
    .expect(200);
}

/** Graph answers the next send with a 500 (a passing failure: a rule email is retried). */
export async function failNextSend(stack: OutboundStack): Promise<void> {
  await stack.emulator.control('POST', '/faults', {
    script: [{ method: 'POST', path: '/v1.0/users/*/messages/*/send', status: 500 }],
  });
}

/** Puts a customer's reply (MIME) in the desk's inbox and has the engine read the inbox now ("Sync now"). */
export async function deliverAndSync(
  stack: OutboundStack,
  accountId: string,
  mime: Buffer | string,
): Promise<void> {
  expect(
    (await stack.emulator.control('POST', `/mailboxes/${DESK}/messages?folder=inbox`, mime, 'message/rfc822'))
      .status,
  ).toBe(201);
  await stack
    .api()
    .post(`/api/admin/mail/accounts/${accountId}/sync`)
    .auth(stack.admin, { type: 'bearer' })
    .expect(200);
}

/** Waits until every committed SR event has been run and every queued email attempted (10 s at the most). */
export async function outboundSettled(stack: OutboundStack): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    await stack.runtime.outbound.idle();
    const pending = await stack.runtime.services.store.read(
      async (tx) =>
        (await tx.collection('srEvents').count()) +
        (await tx.collection('outboundEmails').unfinished()).length,
    );
    if (pending === 0) return;
    if (Date.now() > deadline) throw new Error(`${pending} events or emails still pending`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function createSr(stack: OutboundStack, fields: Record<string, unknown> = {}): Promise<string> {
  const res = await stack
    .api()
    .post('/api/requests')
    .auth(stack.agent, { type: 'bearer' })
    .send({
      title: 'Printer on floor 3 prints blank pages',
      description: 'Since the toner change.',
      requester: { name: 'Lee Gu', email: 'lee@fabrikam.test' },
      ...fields,
    });
  if (res.status !== 201) throw new Error(`Creating the SR: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.number as string;
}

/** An SR's history entries as an agent reads them. */
export async function historyOf(
  stack: OutboundStack,
  sr: string,
): Promise<Array<{ kind: string; summary: string; details?: Record<string, unknown> }>> {
  return (
    await stack.api().get(`/api/requests/${sr}/history`).auth(stack.agent, { type: 'bearer' }).expect(200)
  ).body.items;
}

/**
 * Copies of our email in the desk's Sent Items. Graph's send puts it there at once (the emulator delivers to
 * recipients a moment later), so this is how a test sees that something was sent, or was not, without waiting.
 */
export async function sentCopies(stack: OutboundStack, internetMessageId: string): Promise<number> {
  const wanted = `<${internetMessageId.replace(/^<|>$/g, '')}>`;
  return (await stack.mailbox(DESK, 'sentitems')).filter((m) => m.internetMessageId === wanted).length;
}

export function header(message: GraphMessage, name: string): string | undefined {
  return message.internetMessageHeaders?.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;
}
