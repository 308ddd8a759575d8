import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from '../support/stack.js';
import { seriousAxeViolations } from './support/axe.js';
import { launchBrowser, newPage, signInAsDemoUser } from './support/browser.js';
import { saveScreenshot } from './support/screenshots.js';

// Administration > Mail > Accounts > the demo mailbox: its health panel, Test connection and Sync now, each
// showing progress and then the result, in a browser against the emulator.

let stack: TestStack;
let browser: Browser;
let page: Page;
let problems: string[];

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  ({ page, problems } = await newPage(browser));
  await signInAsDemoUser(page, stack.tabUrl, 'admin@contoso.test');
}, 60_000);

afterAll(async () => {
  if (problems?.length) console.log(problems.join('\n'));
  await browser?.close();
  await stack?.close();
});

const health = () => page.getByRole('region', { name: 'Health' });

describe('the health of a mail account, signed in as the demo admin', () => {
  it('shows the health panel next to the account settings', async () => {
    await page.getByRole('tab', { name: 'Administration' }).click();
    await page.getByRole('tab', { name: 'Mail › Accounts' }).click();
    await page.getByRole('row', { name: /support@contoso\.test/ }).getByRole('link').first().click();
    await health().getByText('Last 24 hours').waitFor();
    await health().getByText('Running').waitFor();
  });

  it('tests the connection step by step', async () => {
    await page.getByRole('button', { name: 'Test connection' }).click();
    const result = page.getByRole('region', { name: 'Connection test result' });
    await result.getByText('The connection works.').waitFor();
    expect(await result.getByRole('listitem').count()).toBe(4);
  });

  it('syncs now and reports what the sync did', async () => {
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByRole('status').filter({ hasText: /^Sync finished: \d+ unread found/ }).waitFor();
    await health().getByText(/became notes/).waitFor();
  });

  it('looks right in light and dark (screenshots in test-results/screenshots/)', async () => {
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await page.waitForFunction((t) => document.documentElement.dataset.theme === t, theme);
      expect(await seriousAxeViolations(page), theme).toEqual([]);
      await saveScreenshot(page, `mail-account-health-${theme}`);
    }
  });
});
