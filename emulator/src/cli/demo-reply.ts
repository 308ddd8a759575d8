import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { controlClient } from './control-client.js';
import { composeCustomerReply, findSentMailForSr, type SentMessage } from './customer-reply.js';
import { describeFailure } from './describe-failure.js';
import { SERVICE_MAILBOX } from '../tenant/demo-tenant.js';

// `npm run demo:reply -- SR-000123 "text"`: the customer answers the last email the desk sent about that SR,
// the way Outlook would write it, and the reply lands in the support inbox. It finds `npm start`'s emulator the way
// npm start placed it: ./.env, then EMULATOR_URL or EMULATOR_PORT (default 8443), DATA_DIR for its certificate, and
// PORT (default 3978) for the link to the SR.
if (existsSync('.env')) process.loadEnvFile('.env');

const [srNumber, ...words] = process.argv.slice(2);
const text = words.join(' ');
if (!srNumber || !text) {
  console.error('Usage: npm run demo:reply -- SR-000123 "reply text"');
  process.exit(2);
}

const baseUrl = process.env.EMULATOR_URL ?? `https://localhost:${process.env.EMULATOR_PORT ?? 8443}`;
// Where `npm start` keeps the emulator (DATA_DIR/emulator), unless told otherwise.
const emulatorDir = process.env.EMULATOR_DATA_DIR ?? resolve(process.env.DATA_DIR ?? '.data', 'emulator');
const caFile = process.env.EMULATOR_CA_FILE ?? resolve(emulatorDir, 'emulator-ca.pem');
const tabUrl = `${process.env.SSL_CRT_FILE ? 'https' : 'http'}://localhost:${process.env.PORT ?? 3978}/tab/`;

async function main(): Promise<void> {
  const client = controlClient(baseUrl, caFile);
  const sent = await client.json<{ value: SentMessage[] }>(
    'GET',
    `/mailboxes/${SERVICE_MAILBOX}/messages?folder=sentitems`,
  );
  const original = findSentMailForSr(sent.value, srNumber as string);
  if (!original) {
    console.error(
      `No email in ${SERVICE_MAILBOX}'s Sent Items mentions ${srNumber}: send one from the SR first (Send email), or pick an SR that has one.`,
    );
    process.exit(1);
  }
  const reply = await composeCustomerReply(original, text, SERVICE_MAILBOX);
  const delivered = await client.json<{ id: string; internetMessageId: string }>(
    'POST',
    `/mailboxes/${SERVICE_MAILBOX}/messages?folder=inbox`,
    reply.mime,
    'message/rfc822',
  );
  console.log(`Delivered to ${SERVICE_MAILBOX} (Inbox):
  From:        ${reply.from}
  Subject:     ${reply.subject}
  In-Reply-To: ${original.internetMessageId}
  Message-ID:  ${delivered.internetMessageId}
  Graph id:    ${delivered.id}
  Text:        ${text}
  The SR:      ${tabUrl}#/requests/${encodeURIComponent(srNumber as string)}`);
}

main().catch((error: unknown) => {
  // A person typed this command: one line saying what went wrong and what to check, never a stack trace.
  console.error(describeFailure(error, { baseUrl, caFile }));
  process.exit(1);
});
