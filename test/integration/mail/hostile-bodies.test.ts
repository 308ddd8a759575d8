import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_HTML_CHARS } from '../../../api/src/reply/extract/extract-reply.js';
import { desk } from './support/desk.js';
import { startMailStack, type MailStack } from './support/mail-stack.js';
import { customerReply } from './support/replies.js';

// The three bodies that froze the API (issue 15): each is read in a worker, so /api/health keeps answering while the
// engine or a Mail Center action works on it. Every health request must answer within HEALTH_BOUND_MS; the old code
// parsed on the API's thread for 11 to 51 s, so these requests timed out there (bounds on waits, not timings of the
// work: the work itself may take as long as it takes).

const HEALTH_BOUND_MS = 10_000;
const stranger = { name: 'Eve Stranger', address: 'eve@elsewhere.test' };

let stack: MailStack;
let d: ReturnType<typeof desk>;
beforeAll(async () => {
  stack = await startMailStack({ notifications: false });
  d = desk(stack);
});
afterAll(() => stack.close());

/** Runs `work` while asking /api/health again and again until it settles; every answer must come within the bound. */
async function whileHealthAnswers<T>(work: Promise<T>): Promise<{ result: T; healthAnswers: number }> {
  let settled = false;
  const done = work.finally(() => {
    settled = true;
  });
  let healthAnswers = 0;
  do {
    const res = await stack.api().get('/api/health').timeout(HEALTH_BOUND_MS);
    expect(res.status).toBe(200);
    healthAnswers++;
  } while (!settled);
  return { result: await done, healthAnswers };
}

/** Quoted history written as one <div> per "> " line below an attribution: the shape that was quadratic. */
function quotedLines(bytes: number): string {
  const line =
    '<div>&gt; Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.</div>';
  return line.repeat(Math.ceil(bytes / line.length));
}

describe('bodies built to be slow do not stall the API', () => {
  it('files a 421 KB reply from the requester (answer below a long quote) while health keeps answering', async () => {
    const id = await d.createRequest({ status: 'Open' });
    const html = `<html><body><div>On Mon, 1 Jan 2024 at 10:00, Contoso Support &lt;support@contoso.test&gt; wrote:</div>${quotedLines(421_000)}<div>The printer works again, thank you.</div></body></html>`;
    await d.deliver(
      await customerReply({
        requestId: id,
        keyring: stack.runtime.services.ecIdKeyring,
        html,
        subject: 'long quote',
      }),
    );
    const { result, healthAnswers } = await whileHealthAnswers(d.syncNow());
    expect(result).toMatchObject({ notes: 1, failed: 0 });
    expect(healthAnswers).toBeGreaterThan(0);
    const [note] = await d.notes(id);
    expect(note?.bodyText).toBe('The printer works again, thank you.');
  });

  it("creates an SR from a stranger's 280 KB email held in the Mail Center while health keeps answering", async () => {
    const html = `<html><body><div>On Mon, 1 Jan 2024 at 10:00, Someone &lt;someone@elsewhere.test&gt; wrote:</div>${quotedLines(280_000)}<div>Our office printer is jammed again.</div></body></html>`;
    await d.deliver(
      await customerReply({
        requestId: 1,
        keyring: stack.runtime.services.ecIdKeyring,
        noMarker: true,
        from: stranger,
        html,
        subject: 'stranger with a long quote',
      }),
    );
    await whileHealthAnswers(d.syncNow());
    const item = await d.heldItem('stranger with a long quote');
    const { result: res } = await whileHealthAnswers(
      stack
        .api()
        .post(`/api/mail-center/${item.id}/create-request`)
        .set(d.as(stack.agent))
        .then((r) => r),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const created = res.body as { request: { id: number } };
    const [note] = await d.notes(created.request.id);
    expect(note?.bodyText).toBe('Our office printer is jammed again.');
  });

  it('keeps a 3 MB body of <div title="<"> as the original, unparsed, and the note says so', async () => {
    const id = await d.createRequest({ status: 'Open' });
    const depth = 200_000;
    const html = `<div>Please see below.</div>${'<div title="<">'.repeat(depth)}deep${'</div>'.repeat(depth)}`;
    expect(html.length).toBeGreaterThan(MAX_HTML_CHARS);
    await d.deliver(
      await customerReply({
        requestId: id,
        keyring: stack.runtime.services.ecIdKeyring,
        html,
        text: 'Please see below.',
        subject: 'deep attributes',
      }),
    );
    const { result } = await whileHealthAnswers(d.syncNow());
    expect(result).toMatchObject({ notes: 1, failed: 0 });
    // Graph serves the html body alone, so there is no text part to take the note from (a unit test covers that case).
    const [note] = await d.notes(id);
    expect(note?.bodyText).toMatch(
      /The HTML of this email is \d+\.\d MB, more than the 2\.0 MB the desk reads, so it was not read for this note\. The whole email is kept as the original\./,
    );
  });
});

describe('the time one email may take', () => {
  let tight: MailStack;
  let t: ReturnType<typeof desk>;
  beforeAll(async () => {
    // 1 ms: no body of this size is read that fast, so the budget is what decides.
    tight = await startMailStack({ notifications: false, env: { MAIL_READ_TIME_LIMIT_MS: '1' } });
    t = desk(tight);
  });
  afterAll(() => tight.close());

  it('holds an email over its time as too-complex; Create SR files it with the text part and says why', async () => {
    const id = await t.createRequest({ status: 'Open' });
    const html = `<div>On Mon, 1 Jan 2024 at 10:00, Contoso Support &lt;support@contoso.test&gt; wrote:</div>${quotedLines(300_000)}<div>Answer below.</div>`;
    await t.deliver(
      await customerReply({
        requestId: id,
        keyring: tight.runtime.services.ecIdKeyring,
        html,
        text: 'Answer in the text part.',
        subject: 'over its time',
      }),
    );
    expect(await t.syncNow()).toMatchObject({ mailCenter: 1, notes: 0, failed: 0 });
    const item = await t.heldItem('over its time');
    expect(item).toMatchObject({ reason: 'too-complex', state: 'open' });
    expect(item.evidence.join(' ')).toMatch(
      /took longer than the 1 ms allowed for one email\. It is kept whole as the original/,
    );
    expect(await t.notes(id)).toHaveLength(0);

    const res = await tight.api().post(`/api/mail-center/${item.id}/create-request`).set(t.as(tight.agent));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const [note] = await t.notes((res.body as { request: { id: number } }).request.id);
    expect(note?.bodyText).toMatch(
      /took longer than the 1 ms allowed for one email\. So this note is taken from its plain-text version, if it has one\. The whole email is kept as the original\./,
    );
  });
});
