import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRequest, damage, recordSentEmail } from '../integration/addin/addin-fixtures.js';
import { damagedReply } from './addin-fixture-message.js';
import { blockOfficeJs, installOfficeStub, type OfficeFixture } from './addin-office-stub.js';
import { startAddinServer, type AddinServer } from './addin-server.js';
import { launchBrowser, newPage } from './support/browser.js';
import { saveScreenshot } from './support/screenshots.js';

// The task pane in headless Chromium with office.js answered by a stub (platform.md §4), against the API serving
// the built add-in. Outlook's legacy SSO hands the pane a token for the agent the test chooses.

const PANE = { width: 420, height: 1000 };

let server: AddinServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startAddinServer(), launchBrowser()]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPane(fixture: OfficeFixture): Promise<{ page: Page; problems: string[] }> {
  const { page, problems } = await newPage(browser, { viewport: PANE });
  await installOfficeStub(page, fixture);
  await page.goto(server.paneUrl);
  return { page, problems };
}

describe('outside Outlook', () => {
  it('says to open the pane in Outlook when office.js finds no host', async () => {
    const { page, problems } = await openPane({ host: null, mailboxOwner: '' });
    await page.getByRole('heading', { name: 'Open this in Outlook' }).waitFor();
    expect(await page.getByText('This page was opened in a browser, outside Outlook.').isVisible()).toBe(true);
    await saveScreenshot(page, 'addin-not-in-outlook');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('says so when office.js cannot load at all', async () => {
    const { page } = await newPage(browser, { viewport: PANE });
    await blockOfficeJs(page);
    await page.goto(server.paneUrl);
    await page.getByRole('heading', { name: 'Open this in Outlook' }).waitFor();
    expect(await page.getByText(/Office's script did not load/).isVisible()).toBe(true);
    await page.context().close();
  });
});

describe('in Outlook', () => {
  let sr: { printer: { id: number; number: string }; battery: { id: number; number: string } };
  let markerLine: string;

  beforeEach(async () => {
    if (sr) return;
    const printer = await createRequest(server.api, 'Printer on the 3rd floor keeps jamming');
    const battery = await createRequest(server.api, 'Laptop battery drains overnight');
    sr = { printer, battery };
    const sent = await recordSentEmail(server.api, battery.id, 5);
    markerLine = sent.markerLine.replace(sent.token, damage(sent.token));
  });

  const agentFixture = async (message = damagedReply(markerLine)): Promise<OfficeFixture> => ({
    host: 'Outlook',
    message,
    mailboxOwner: 'support@contoso.test',
    token: await server.api.token({ roles: ['ServiceDesk.Agent'], upn: 'alex@contoso.test' }),
  });

  it("an agent without the desk role is told what is missing and who can fix it", async () => {
    const { page } = await openPane({ ...(await agentFixture()), token: await server.api.token({ roles: [], upn: 'casey@contoso.test' }) });
    await page.getByText('You are not a service desk agent').waitFor();
    expect(await page.getByText(/signed in as casey \(casey@contoso\.test\)/).isVisible()).toBe(true);
    expect(await page.getByText(/needs the ServiceDesk\.Agent role/).isVisible()).toBe(true);
    await saveScreenshot(page, 'addin-no-role');
    await page.context().close();
  });

  it('shows why Outlook could not sign the agent in', async () => {
    const { page } = await openPane({ ...(await agentFixture()), token: undefined, tokenError: { code: 13001, message: 'not signed in' } });
    await page.getByText('Service Messaging could not start').waitFor();
    expect(await page.getByText(/Sign in to Office first/).isVisible()).toBe(true);
    await page.context().close();
  });

  it('suggests the SR of the damaged marker first, with the reason', async () => {
    const { page, problems } = await openPane(await agentFixture());
    await page.getByText('Not filed yet').waitFor();
    expect(await page.getByText(`Its reply marker for ${sr.battery.number} was damaged, so it could not be filed automatically.`).isVisible()).toBe(true);
    const options = page.getByRole('radiogroup', { name: 'Service Request' }).getByRole('radio');
    expect(await options.count()).toBe(3);
    const first = page.locator('[data-suggestion]').first();
    expect(await first.getAttribute('data-suggestion')).toBe(sr.battery.number);
    expect(await first.textContent()).toContain(`quoted marker ${sr.battery.number} (check failed)`);
    expect(await options.first().isChecked()).toBe(true);
    await page.getByRole('button', { name: `File as reply on ${sr.battery.number}` }).waitFor();
    await saveScreenshot(page, 'addin-damaged-marker-suggestions');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
