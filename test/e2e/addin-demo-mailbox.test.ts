import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeEcId } from '../../api/src/domain/ec-id.js';
import { DEFAULT_REPLY_MARKER, renderReplyMarker } from '../../api/src/domain/reply-marker.js';
import { startStack, type TestStack } from '../support/stack.js';
import { damage } from '../integration/addin/addin-fixtures.js';
import { installOfficeStub } from './addin-office-stub.js';
import { seriousAxeViolations } from './support/axe.js';
import { launchBrowser, newPage } from './support/browser.js';
import { saveScreenshot } from './support/screenshots.js';

// `npm start`'s demo mode in a plain browser: the pane outside Outlook opens emails from the emulator's mailboxes
// (through the API) and files them like it would in Outlook.

let stack: TestStack;
let browser: Browser;
let page: Page;
let problems: string[];

const SUPPORT = 'support@contoso.test';

/** A customer's reply to our email about the seeded printer SR (SR-000003), its marker damaged, with a log file. */
function damagedReplyMime(markerLine: string): string {
  return [
    'From: Lee Gu <lee@fabrikam.test>',
    `To: Contoso Support <${SUPPORT}>`,
    'Subject: RE: printer still printing blank pages',
    'Message-ID: <demo-damaged-1@mail.fabrikam.test>',
    'Date: Mon, 02 Mar 2026 09:30:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/html; charset=utf-8',
    '',
    `<div>Still blank pages since this morning. Printer log attached.</div><div id="appendonsend"></div><hr><div id="divRplyFwdMsg"><b>From:</b> Contoso Support</div><div><p>${markerLine}</p></div>`,
    '--b1',
    'Content-Type: text/plain; name="printer-log.txt"',
    'Content-Disposition: attachment; filename="printer-log.txt"',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from('E-204 fuser idle').toString('base64'),
    '--b1--',
    '',
  ].join('\r\n');
}

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  const token = encodeEcId({ requestId: 3, outboundId: 1 }, stack.runtime.services.ecIdKeyring);
  const delivered = await stack.emulator.control(
    'POST',
    `/mailboxes/${SUPPORT}/messages?folder=inbox`,
    damagedReplyMime(renderReplyMarker(DEFAULT_REPLY_MARKER, damage(token))),
    'message/rfc822',
  );
  if (delivered.status !== 201)
    throw new Error(`The emulator refused the test email: ${delivered.status} ${await delivered.text()}`);
  ({ page, problems } = await newPage(browser));
  // Like the real office.js loaded outside Office: Office.onReady resolves with no host.
  await installOfficeStub(page, { host: null, mailboxOwner: '' });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe('the add-in in demo mode, outside Outlook', () => {
  it('signs in as a demo agent and opens an email from the shared support mailbox', async () => {
    await page.goto(`${stack.url}/addin/taskpane.html`);
    await page.getByRole('heading', { name: 'Sign in to Service Messaging (demo)' }).waitFor();
    await page.getByRole('button', { name: 'Sign in as Alex Wilber (Agent) (agent@contoso.test)' }).waitFor();
    await saveScreenshot(page, 'addin-demo-sign-in');
    await page.getByRole('button', { name: 'Sign in as Alex Wilber (Agent) (agent@contoso.test)' }).click();
    await page.getByRole('heading', { name: 'Demo mailbox' }).waitFor();
    await page.getByText('Pick an email from the demo mailbox.').waitFor();
    // It opens where customers' replies (and npm run demo:reply) arrive, not on the agent's own empty mailbox.
    expect(await page.getByRole('combobox', { name: 'Mailbox' }).inputValue()).toBe(SUPPORT);
    expect(
      await page.getByRole('combobox', { name: 'Mailbox' }).locator('option:checked').textContent(),
    ).toContain('the desk’s mailbox');
    await page.getByRole('button', { name: /RE: printer still printing blank pages/ }).click();
    await page.waitForURL(/#\/mailbox\/support%40contoso\.test\//);
    await page.locator('[data-suggestion]').first().waitFor();
    expect(await page.locator('[data-suggestion]').first().getAttribute('data-suggestion')).toBe('SR-000003');
    expect(await page.locator('[data-suggestion]').first().textContent()).toContain(
      'quoted marker SR-000003 (check failed)',
    );
    expect(await page.getByRole('checkbox', { name: /printer-log\.txt/ }).isChecked()).toBe(true);
    expect(await page.getByLabel('The open email').textContent()).toContain(`in ${SUPPORT}`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'addin-demo-mailbox');
  });

  it('files it on the suggested SR with the attachment', async () => {
    // Whether the mail engine already held it in the Mail Center or not, the primary action files it on SR-000003.
    await page
      .getByRole('button', { name: /^(File as reply on|Link the Mail Center item to) SR-000003$/ })
      .click();
    await page.getByText(/The email is a PUBLIC note on SR-000003 with 1 attachment in "Other"\./).waitFor();
    const headers = { authorization: `Bearer ${await stack.tokenFor('agent@contoso.test')}` };
    const attachments = (await (
      await fetch(`${stack.url}/api/requests/SR-000003/attachments`, { headers })
    ).json()) as { items: { fileName: string; folder: string }[] };
    expect(attachments.items.map((a) => [a.fileName, a.folder])).toContainEqual(['printer-log.txt', 'Other']);
    expect(problems).toEqual([]);
  });
});
