import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeCustomerReply } from '../../emulator/src/cli/customer-reply.js';
import { SERVICE_MAILBOX } from '../../emulator/src/index.js';
import { startStack, type TestStack } from '../support/stack.js';
import { seriousAxeViolations } from './support/axe.js';
import { newPage, launchBrowser, signInAsDemoUser } from './support/browser.js';
import { emailDesk } from './support/desk-mailbox.js';
import { saveScreenshot } from './support/screenshots.js';

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

/**
 * A page or dialog: `open` gets there from where the previous check left the tab, `close` leaves a dialog. Pages with
 * `contrast` are pictured in high contrast too; their `open` gets there from anywhere.
 */
type PageCheck = {
  name: string;
  contrast?: true;
  open(page: Page): Promise<void>;
  close?(page: Page): Promise<void>;
};

const go = (page: Page, hash: string) => page.evaluate((h) => (window.location.hash = h), hash);

const PAGES: PageCheck[] = [
  {
    name: 'requests',
    open: async (page) => {
      await go(page, '#/requests');
      await page
        .getByRole('grid', { name: 'Service requests' })
        .getByRole('link', { name: 'SR-000001' })
        .waitFor();
    },
  },
  {
    name: 'new-request-dialog',
    open: async (page) => {
      await page.getByRole('button', { name: 'New service request' }).click();
      const dialog = page.getByRole('dialog', { name: 'New service request' });
      await dialog.waitFor();
      // Focus moves into the dialog (and stays there) so keyboard users start at its first field.
      expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    },
    close: async (page) => {
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      // Closing the dialog gives focus back to the button that opened it.
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('New service request');
    },
  },
  {
    name: 'request-detail',
    open: async (page) => {
      await go(page, '#/requests/SR-000001');
      await page
        .frameLocator('iframe[title="Note from Diego Siciliani"]')
        .getByText('the laptop is online again')
        .waitFor();
      await page.getByRole('group', { name: 'Folder Other' }).getByText('ipconfig.txt').waitFor();
      await page.getByRole('button', { name: 'Show quoted text' }).click();
      await page
        .frameLocator('iframe[title="Quoted text of the email from Diego Siciliani"]')
        .getByText('On Monday')
        .waitFor();
    },
  },
  {
    name: 'view-original-dialog',
    open: async (page) => {
      await page.getByRole('button', { name: 'View original of the email from Diego Siciliani' }).click();
      await page
        .frameLocator('iframe[title^="Original email: RE: Laptop will not connect"]')
        .getByText('the laptop is online again')
        .waitFor();
    },
    close: async (page) => {
      await page
        .getByRole('dialog', { name: 'Original email' })
        .getByRole('button', { name: 'Close' })
        .click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    },
  },
  {
    name: 'send-email-dialog',
    open: async (page) => {
      await page.getByRole('button', { name: 'Send email' }).click();
      const dialog = page.getByRole('dialog', { name: 'Send email about SR-000001' });
      await dialog
        .frameLocator('iframe[title="Email preview"]')
        .getByText(/Please type your reply above this line -## \[SR-000001-/)
        .waitFor();
    },
    close: async (page) => {
      await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    },
  },
  {
    name: 'mail-center',
    open: async (page) => {
      await go(page, '#/mail-center');
      await page
        .getByRole('table', { name: 'Mail Center items' })
        .getByRole('link', { name: 'Projector in meeting room 4 flickers' })
        .waitFor();
    },
  },
  {
    name: 'mail-center-item',
    open: async (page) => {
      await page
        .getByRole('table', { name: 'Mail Center items' })
        .getByRole('link', { name: 'Projector in meeting room 4 flickers' })
        .click();
      // The reason comes first in words; the evidence is folded below it, and the whole email is in its frame.
      await page.getByRole('button', { name: /^Show the evidence/ }).click();
      await page.getByRole('list', { name: 'Evidence' }).getByRole('listitem').first().waitFor();
      await page.frameLocator('iframe[title^="Email from"]').locator('body').waitFor();
      await page.getByRole('combobox', { name: 'Service request' }).waitFor();
    },
  },
  {
    name: 'admin-setup',
    contrast: true,
    open: async (page) => {
      await go(page, '#/admin/setup');
      await page.getByText(/\d of 7 steps done/).waitFor();
    },
  },
  {
    name: 'admin-accounts',
    open: async (page) => {
      await go(page, '#/admin/accounts');
      await page.getByRole('row', { name: /support@contoso\.test/ }).waitFor();
    },
  },
  {
    name: 'admin-account-edit',
    contrast: true,
    open: async (page) => {
      await go(page, `#/admin/accounts/${accountId}`);
      await page.getByRole('heading', { level: 1, name: 'support@contoso.test' }).waitFor();
      await page.getByRole('region', { name: 'Health' }).getByText('Last 24 hours').waitFor();
    },
  },
  {
    name: 'admin-default-change-dialog',
    contrast: true,
    open: async (page) => {
      await go(page, '#/admin/accounts/new');
      await page.getByRole('textbox', { name: 'Email', exact: true }).fill('billing@contoso.test');
      await page.getByRole('switch', { name: 'Default' }).check();
      await page.getByRole('button', { name: 'Save' }).click();
      await page
        .getByRole('alertdialog', { name: 'Make billing@contoso.test the Default account?' })
        .waitFor();
    },
    close: async (page) => {
      await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    },
  },
  {
    name: 'admin-templates',
    open: async (page) => {
      await go(page, '#/admin/templates');
      await page
        .getByRole('table', { name: 'Mail templates' })
        .getByRole('link', { name: 'Reply to customer' })
        .waitFor();
    },
  },
  {
    name: 'admin-template-editor',
    open: async (page) => {
      await page
        .getByRole('table', { name: 'Mail templates' })
        .getByRole('link', { name: 'Reply to customer' })
        .click();
      await page
        .getByRole('list', { name: 'Placeholders' })
        .getByRole('button', { name: '#SR_ID#' })
        .waitFor();
      await page.frameLocator('iframe[title="Live preview of the body"]').locator('body').waitFor();
    },
  },
  {
    name: 'admin-note-types',
    open: async (page) => {
      await go(page, '#/admin/note-types');
      await page.getByText('PUBLIC is set up').waitFor();
    },
  },
  {
    name: 'admin-service-messaging',
    open: async (page) => {
      await go(page, '#/admin/service-messaging');
      await page.getByRole('heading', { name: 'Status when a reply arrives' }).waitFor();
      await page.getByRole('heading', { name: 'Rate limits' }).waitFor();
    },
  },
  {
    name: 'admin-rules',
    open: async (page) => {
      await go(page, '#/admin/rules');
      await page
        .getByRole('table', { name: 'Rules' })
        .getByRole('row', { name: /Acknowledge new requests/ })
        .waitFor();
    },
  },
  {
    name: 'admin-rule-dialog',
    open: async (page) => {
      await page.getByRole('button', { name: 'Add rule' }).click();
      await page
        .getByRole('dialog', { name: 'Add a rule' })
        .getByRole('combobox', { name: 'Send the template' })
        .waitFor();
    },
    close: async (page) => {
      await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    },
  },
  {
    name: 'admin-rule-dialog-errors',
    contrast: true,
    open: async (page) => {
      await go(page, '#/admin/rules');
      await page.getByRole('button', { name: 'Add rule' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add a rule' });
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog
        .getByRole('textbox', { name: 'Name' })
        .and(dialog.locator('[aria-invalid="true"]'))
        .waitFor();
    },
    close: async (page) => {
      await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    },
  },
];

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
