import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSentMailForSr } from '../../emulator/src/cli/customer-reply.js';
import { startStack, type TestStack } from '../support/stack.js';
import { apiAs, type ApiCall } from './support/api-as.js';
import { seriousAxeViolations } from './support/axe.js';
import { launchBrowser, newPage, signInAsDemoUser } from './support/browser.js';
import { isSentByHand, replyToDesk, waitForSent } from './support/desk-mailbox.js';
import { saveScreenshot } from './support/screenshots.js';

// The demo loop in a plain browser, as issue 7 tells it: the demo admin emails the requester from an SR, the
// reply comes back as a note, and an email that matched no SR is linked from the Mail Center. Customers write
// the way Outlook does (the composer `npm run demo:reply` uses).

let stack: TestStack;
let browser: Browser;
let page: Page;
let problems: string[];
let api: ApiCall;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  api = apiAs(stack, 'admin@contoso.test');
  ({ page, problems } = await newPage(browser));
  await signInAsDemoUser(page, stack.tabUrl, 'admin@contoso.test');
}, 60_000);

afterAll(async () => {
  if (problems?.length) console.log(problems.join('\n'));
  await browser?.close();
  await stack?.close();
});

describe('the email loop in a browser, signed in as the demo admin', () => {
  it('sends an email from an SR with a template, previewing the reply marker', async () => {
    await page
      .getByRole('grid', { name: 'Service requests' })
      .getByRole('link', { name: 'SR-000001' })
      .click();
    await page.getByRole('heading', { level: 1, name: /SR-000001/ }).waitFor();
    await page.getByRole('button', { name: 'Send email' }).click();
    const dialog = page.getByRole('dialog', { name: 'Send email about SR-000001' });
    await dialog.getByRole('combobox', { name: 'Template' }).click();
    await page.getByRole('option', { name: 'Reply to customer' }).click();
    // The admin sees the API's rendering: the reply line with a (sample) token in it, and the placeholders filled.
    const preview = page.frameLocator('iframe[title="Email preview"]');
    await preview.getByText(/Please type your reply above this line -## \[SR-000001-/).waitFor();
    await preview.getByText('Dear Diego Siciliani,').waitFor();
    expect(await dialog.getByRole('textbox', { name: 'To' }).inputValue()).toBe('diego@fabrikam.test');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'send-email-dialog-light', { fullPage: false });

    await dialog.getByRole('button', { name: 'Send' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByRole('region', { name: 'Emails sent' })
      .getByText('Laptop will not connect to the office Wi-Fi')
      .first()
      .waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Send email');
  });

  it("the requester's reply becomes a note on the SR after the tab's Refresh", async () => {
    const ours = await waitForSent(
      stack,
      (sent) => findSentMailForSr(sent.filter(isSentByHand), 'SR-000001'),
      'the email about SR-000001',
    );
    await replyToDesk(stack, ours, 'Forgetting the network worked, thanks!');
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page
      .frameLocator('iframe[title^="Note from Diego"]')
      .getByText('Forgetting the network worked, thanks!')
      .waitFor();
  });

  it('a reply the mail server could not authenticate still files by its token, and the note says so', async () => {
    const ours = await waitForSent(
      stack,
      (sent) => findSentMailForSr(sent.filter(isSentByHand), 'SR-000001'),
      'the email about SR-000001',
    );
    // The emulator's Exchange stamps Diego's mail as failing SPF, DMARC and compauth: a forged From:.
    await stack.emulator.control('POST', '/faults', { unauthenticatedSenders: ['diego@fabrikam.test'] });
    try {
      await replyToDesk(stack, ours, 'Written under a forged From: line.');
    } finally {
      await stack.emulator.control('DELETE', '/faults');
    }
    await page.getByRole('button', { name: 'Refresh' }).click();
    const card = page
      .getByRole('group', { name: /^Email reply from Diego/ })
      .filter({ hasText: 'Sender not authenticated' });
    await card
      .getByText(/The sender could not be authenticated: Microsoft 365's composite check failed/)
      .waitFor();
    expect(await card.count()).toBe(1);
    await card
      .frameLocator('iframe[title^="Note from Diego"]')
      .getByText('Written under a forged From: line.')
      .waitFor();
    await card.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'note-sender-not-authenticated-light', { fullPage: false });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('the Mail Center says what to do when nothing is waiting', async () => {
    await page.getByRole('tab', { name: 'Mail Center' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mail Center' }).waitFor();
    await page.getByText('Nothing waiting in the Mail Center').waitFor();
    // The first test's "Email sent" toast may still be fading: axe would read its text half-transparent.
    await page.waitForFunction(() => !document.querySelector('.fui-Toast'));
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('a reply without a marker lands in the Mail Center; the agent links it to an SR from there', async () => {
    // A new email in an old thread of Adele's: no reply line, no token, no Message-ID of ours.
    await replyToDesk(
      stack,
      {
        subject: 'Printer on floor 2',
        from: { emailAddress: { name: 'Adele Vance', address: 'adele@fabrikam.test' } },
        toRecipients: [{ emailAddress: { name: 'Adele Vance', address: 'adele@fabrikam.test' } }],
        body: { contentType: 'text', content: 'Earlier mail.' },
      },
      'The printer on floor 2 jams again.',
    );
    await page.getByRole('tab', { name: 'Mail Center' }).click();
    await page.getByRole('button', { name: 'Refresh' }).click();
    const table = page.getByRole('table', { name: 'Mail Center items' });
    await table.getByRole('link', { name: 'RE: Printer on floor 2' }).click();
    await page.getByRole('heading', { level: 1, name: 'RE: Printer on floor 2' }).waitFor();
    await page.getByRole('button', { name: /^Show the evidence/ }).click();
    await page.getByRole('list', { name: 'Evidence' }).getByRole('listitem').first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Typed key by key, as a person does: the list of matches opens while typing.
    await page.getByRole('combobox', { name: 'Service request' }).pressSequentially('printer');
    await page.getByRole('option', { name: /^SR-000003 · / }).click();
    await page.getByRole('button', { name: 'Link as a note' }).click();
    await page.getByRole('link', { name: 'Open SR-000003' }).waitFor();
    const notes = await api<{ items: { source: string; bodyText: string }[] }>('/requests/SR-000003/notes');
    expect(notes.items.filter((n) => n.source === 'email')).toEqual([
      expect.objectContaining({ bodyText: expect.stringContaining('The printer on floor 2 jams again.') }),
    ]);

    await page.getByRole('link', { name: 'Open SR-000003' }).click();
    await page.getByRole('heading', { level: 1, name: /SR-000003/ }).waitFor();
    await page
      .frameLocator('iframe[title^="Note from Adele"]')
      .getByText('The printer on floor 2 jams again.')
      .waitFor();
  });

  it('the Mail Center looks right in light and dark (screenshots in test-results/screenshots/)', async () => {
    // The last step's confirmation toast would be checked half faded in: let it go first.
    await page.waitForFunction(() => !document.querySelector('.fui-Toast'));
    for (const theme of ['light', 'dark'] as const) {
      // Outside Teams the tab follows the system's colour scheme.
      await page.emulateMedia({ colorScheme: theme });
      await page.waitForFunction((t) => document.documentElement.dataset.theme === t, theme);
      await page.evaluate(() => (window.location.hash = '#/mail-center?state=all'));
      await page.getByRole('table', { name: 'Mail Center items' }).waitFor();
      expect(await seriousAxeViolations(page), `${theme} list`).toEqual([]);
      await saveScreenshot(page, `mail-center-${theme}`);
      await page.getByRole('table', { name: 'Mail Center items' }).getByRole('link').first().click();
      await page.getByRole('button', { name: /^Show the evidence/ }).click();
      await page.getByRole('list', { name: 'Evidence' }).waitFor();
      expect(await seriousAxeViolations(page), `${theme} item`).toEqual([]);
      await saveScreenshot(page, `mail-center-item-${theme}`);
    }
  });
});
