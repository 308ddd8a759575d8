import { readdirSync, readlinkSync } from 'node:fs';
import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desk } from './support/desk.js';
import { eventually, startMailStack, type MailStack } from './support/mail-stack.js';
import { customerReply } from './support/replies.js';

// Issue 15 findings 3, 4 and 7, against the API as it runs with files on disk (lowdb + file blob store):
// - the block list judged the raw name and the name was cleaned afterwards, so "invoice.exe?" was stored as invoice.exe;
// - the default list lacked .lnk, .iso and the like; an email could carry any number of attachments;
// - an aborted download (.pipe) left the stored file's handle open;
// - a 200 KB subject was stored whole; each rejected webhook item wrote its own log line.

let stack: MailStack;
let d: ReturnType<typeof desk>;
const logLines: Array<{ level: number; msg: string; rejected?: number }> = [];
beforeAll(async () => {
  stack = await startMailStack({
    notifications: false,
    env: { STORE: 'lowdb', MAIL_MAX_ATTACHMENTS: '3', LOG_LEVEL: 'warn' },
    logTo: { write: (line: string) => void logLines.push(JSON.parse(line) as (typeof logLines)[number]) },
  });
  d = desk(stack);
});
afterAll(() => stack?.close());

const keyring = () => stack.runtime.services.ecIdKeyring;
const file = (filename: string) => ({
  filename,
  content: `bytes of ${filename}`,
  contentType: 'application/octet-stream',
});

describe('blocked attachment types', () => {
  it('cleans the name before the block list judges it: "invoice.exe?", "setup.exe." and friends are removed, and the note says so', async () => {
    const id = await d.createRequest({ status: 'Open' });
    await d.deliver(
      await customerReply({
        requestId: id,
        keyring: keyring(),
        attachments: [file('invoice.exe?'), file('setup.exe. '), file('report.pdf')],
      }),
    );
    expect(await d.syncNow()).toMatchObject({ notes: 1, failed: 0 });
    expect((await d.attachments(id)).map((a) => a.fileName)).toEqual(['report.pdf']);
    const [note] = await d.notes(id);
    expect(note?.bodyText).toContain('"invoice.exe" was removed');
    expect(note?.bodyText).toContain('"setup.exe" was removed');
  });

  it('blocks the types mail filters block by default (.lnk, .iso, .one)', async () => {
    const id = await d.createRequest({ status: 'Open' });
    await d.deliver(
      await customerReply({
        requestId: id,
        keyring: keyring(),
        attachments: [file('shortcut.lnk'), file('disk.iso'), file('notes.one')],
      }),
    );
    expect(await d.syncNow()).toMatchObject({ notes: 1, failed: 0 });
    expect(await d.attachments(id)).toEqual([]);
  });

  it('refuses a blocked type uploaded by an agent, judged on the cleaned name, and stores nothing', async () => {
    const id = await d.createRequest({ status: 'Open' });
    const res = await stack
      .api()
      .post(`/api/requests/${id}/attachments`)
      .set('authorization', `Bearer ${stack.agent}`)
      .attach('file', Buffer.from('MZ'), 'tool.exe?');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('.exe files are blocked');
    expect(await d.attachments(id)).toEqual([]);
  });
});

describe('attachment count', () => {
  it('holds an email with more attachments than MAIL_MAX_ATTACHMENTS in the Mail Center, saying how many and the limit', async () => {
    const id = await d.createRequest({ status: 'Open' });
    await d.deliver(
      await customerReply({
        requestId: id,
        keyring: keyring(),
        subject: 'Four files',
        attachments: ['a', 'b', 'c', 'd'].map((n) => file(`${n}.txt`)),
      }),
    );
    expect(await d.syncNow()).toMatchObject({ mailCenter: 1, failed: 0 });
    const held = (await d.mailCenter()).items.find((i) => i.subject === 'Four files');
    expect(held).toMatchObject({ reason: 'too-large' });
    expect(held?.evidence.join(' ')).toContain('The email has 4 attachments; the limit is 3 per email.');
    expect(await d.attachments(id)).toEqual([]);
  });
});

/** Descriptors of this process (the API runs in it) open on a stored file. */
function openBlobHandles(): number {
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`).includes('/blobs/');
    } catch {
      return false; // closed while listing
    }
  }).length;
}

/** Starts a download, waits for its first bytes, then hangs up. */
function abortAfterFirstBytes(url: string, token: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = get(url, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`download answered ${res.statusCode}`));
      res.once('data', () => {
        req.destroy();
        resolve();
      });
    });
    req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
  });
}

describe('downloads', () => {
  it('closes the stored file when 50 downloads are aborted, and still serves it whole afterwards', async () => {
    const id = await d.createRequest({ status: 'Open' });
    const big = Buffer.alloc(8 * 1024 * 1024, 7);
    const uploaded = await stack
      .api()
      .post(`/api/requests/${id}/attachments`)
      .set('authorization', `Bearer ${stack.agent}`)
      .attach('file', big, 'capture.bin');
    expect(uploaded.status).toBe(201);
    const url = `${stack.url}/api/requests/${id}/attachments/${uploaded.body.id}/content`;
    expect(openBlobHandles()).toBe(0);
    for (let round = 0; round < 5; round++) {
      await Promise.all(Array.from({ length: 10 }, () => abortAfterFirstBytes(url, stack.agent)));
    }
    await eventually('every stored-file handle to close', async () => openBlobHandles() === 0, 10_000);
    const whole = await stack
      .api()
      .get(`/api/requests/${id}/attachments/${uploaded.body.id}/content`)
      .set('authorization', `Bearer ${stack.agent}`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(whole.status).toBe(200);
    expect((whole.body as Buffer).equals(big)).toBe(true);
    await stack.api().get('/api/health').expect(200);
  });
});

describe('arriving text and anonymous posts', () => {
  it('trims a 200 KB subject to 1,000 characters and says so in the note', async () => {
    const id = await d.createRequest({ status: 'Open' });
    await d.deliver(
      await customerReply({
        requestId: id,
        keyring: keyring(),
        subject: `RE: [SR-${String(id).padStart(6, '0')}] ${'x'.repeat(200_000)}`,
      }),
    );
    expect(await d.syncNow()).toMatchObject({ notes: 1, failed: 0 });
    const [note] = await d.notes(id);
    expect(note?.email?.subject.length).toBe(1_000);
    expect(note?.bodyText).toMatch(/The subject was 200,0\d\d characters long; the first 1,000 are kept/);
  });

  it('logs one summary line for a POST of 1,000 bogus change notifications', async () => {
    const before = logLines.length;
    const value = Array.from({ length: 1_000 }, (_, i) => ({
      subscriptionId: `bogus-${i}`,
      clientState: 'guess',
      resourceData: { id: 'x' },
    }));
    const res = await stack.api().post('/api/graph/notifications').send({ value });
    expect(res.status).toBe(202);
    await eventually('the summary line', async () =>
      logLines.slice(before).some((l) => l.msg.startsWith('change notifications ignored')),
    );
    const lines = logLines.slice(before).filter((l) => l.msg.includes('change notification'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ rejected: 1_000 });
  });
});
