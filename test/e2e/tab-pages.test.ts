import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeCustomerReply } from '../../emulator/src/cli/customer-reply.js';
import { SERVICE_MAILBOX } from '../../emulator/src/index.js';
import { startStack, type TestStack } from '../support/stack.js';
import { seriousAxeViolations } from './support/axe.js';
import { newPage, launchBrowser, signInAsDemoUser } from './support/browser.js';
import { emailDesk } from './support/desk-mailbox.js';
import { saveScreenshot } from './support/screenshots.js';
import { tabPageChecks } from './support/tab-page-checks.js';

// Every page and dialog of the tab in the light and the dark theme: no serious or critical axe-core violations, and a
// screenshot in test-results/screenshots/ for a person to look at (the whole page; a dialog as the viewport shows it).

let stack: TestStack;
let browser: Browser;
let accountId: string;

const REPLY_HTML = `<p>Hi,</p><p>forgetting the network worked: the laptop is online again. Thanks for the quick help!</p><p>Diego</p>`;
const QUOTED_HTML = `<blockquote><p>On Monday, Contoso Service Desk wrote:</p><p>Could you try forgetting the network and joining again? Tell us what you see.</p></blockquote>`;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  // What the mail engine files for a customer's reply (the engine's own tests cover how it gets there), with the
  // original as Outlook wrote it for "View original".
  const receivedAt = new Date().toISOString();
  const original = await composeCustomerReply(
    {
      subject: 'Laptop will not connect to the office Wi-Fi [SR-000001]',
      from: { emailAddress: { name: 'Contoso Support', address: SERVICE_MAILBOX } },
      toRecipients: [{ emailAddress: { name: 'Diego Siciliani', address: 'diego@fabrikam.test' } }],
      body: {
        contentType: 'html',
        content: '<p>Could you try forgetting the network and joining again? Tell us what you see.</p>',
      },
    },
    'Hi,\n\nforgetting the network worked: the laptop is online again. Thanks for the quick help!\n\nDiego',
    SERVICE_MAILBOX,
  );
  const originalRef = (await stack.runtime.services.blobs.put(original.mime)).sha256;
  await stack.runtime.services.store.transact(async (tx) => {
    await tx.collection('notes').insert({
      id: 'reply-from-diego',
      requestId: 1,
      typeCode: 'PUBLIC',
      accessLevel: 'User',
      source: 'email',
      bodyHtml: REPLY_HTML,
      bodyText: 'Hi, forgetting the network worked.',
      author: { id: 'email', name: 'Diego Siciliani', email: 'diego@fabrikam.test' },
      createdAt: receivedAt,
      email: {
        from: { name: 'Diego Siciliani', address: 'diego@fabrikam.test' },
        subject: original.subject,
        receivedAt,
        signal: 'ec-id',
        elidedHtml: QUOTED_HTML,
        originalRef,
        originalContentType: 'message/rfc822',
      },
    });
  });
  const token = await stack.tokenFor('admin@contoso.test');
  const form = new FormData();
  form.set('folder', 'Other');
  form.set('file', new Blob(['ipconfig /all output'], { type: 'text/plain' }), 'ipconfig.txt');
  await fetch(`${stack.url}/api/requests/SR-000001/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const accounts = await (
    await fetch(`${stack.url}/api/admin/mail/accounts`, { headers: { authorization: `Bearer ${token}` } })
  ).json();
  accountId = accounts.items[0].id;
  // Emails the engine could not place, for the Mail Center pages: one without any reference, one from a stranger.
  await emailDesk(stack, {
    from: { name: 'Lee Gu', address: 'lee@fabrikam.test' },
    subject: 'Projector in meeting room 4 flickers',
    text: 'The projector in room 4 flickers every few seconds since Monday.',
  });
  await emailDesk(stack, {
    from: { name: 'Pradeep Gupta', address: 'pradeep@fabrikam.test' },
    subject: 'RE: [SR-000003] Printer on floor 3 prints blank pages',
    text: 'Same here on floor 3 since this morning. Any news?',
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

async function markReplyAsNew(): Promise<void> {
  await stack.runtime.services.store.transact(async (tx) => {
    const sr = await tx.collection('requests').get(1);
    if (sr) await tx.collection('requests').put({ ...sr, hasNewEmailReply: true });
  });
}

const PAGES = tabPageChecks(() => accountId);

describe.each(['light', 'dark', 'contrast'] as const)('the tab in the %s theme', (theme) => {
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    await markReplyAsNew();
    // High contrast is the system's forced colours (Windows' contrast themes), which the tab follows.
    ({ context, page, problems } = await newPage(
      browser,
      theme === 'contrast' ? { forcedColors: 'active' } : { colorScheme: theme },
    ));
  });

  afterAll(async () => {
    await context?.close();
  });

  it('sign-in page', async () => {
    await page.goto(stack.tabUrl);
    await page.getByRole('heading', { name: 'Sign in as a demo user' }).waitFor();
    await page.getByRole('button', { name: /^Sign in as Megan Bowen/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, `tab-sign-in-${theme}`);
    await signInAsDemoUser(page, stack.tabUrl, 'admin@contoso.test');
  });

  it.each(theme === 'contrast' ? PAGES.filter((check) => check.contrast) : PAGES)(
    '$name page',
    async (check) => {
      await check.open(page);
      expect(await seriousAxeViolations(page)).toEqual([]);
      // A check that closes what it opened is a dialog: picture the viewport, as the user sees it.
      await saveScreenshot(page, `tab-${check.name}-${theme}`, { fullPage: !check.close });
      await check.close?.(page);
      // The API's refusals the checks provoke on purpose (a form's errors) are the browser's console errors too.
      expect(problems.filter((problem) => !problem.includes('status of 400'))).toEqual([]);
    },
  );
});
