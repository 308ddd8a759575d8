import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from '../support/stack.js';
import { seriousAxeViolations } from './support/axe.js';
import { launchBrowser, newPage, signInAsDemoUser } from './support/browser.js';
import { saveScreenshot } from './support/screenshots.js';

// Administration > Mail > Templates in a browser: the admin edits the agents' template, sees the API's own
// validation messages next to the field, restores the example reply text and previews against a real SR.

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

const replyText = () => page.getByRole('textbox', { name: 'Reply text' });

describe('the mail template editor, signed in as the demo admin', () => {
  it('lists the seeded templates and opens one with its placeholders and a live preview', async () => {
    await page.getByRole('tab', { name: 'Administration' }).click();
    await page.getByRole('tab', { name: 'Mail › Templates' }).click();
    const table = page.getByRole('table', { name: 'Mail templates' });
    await table.getByRole('link', { name: 'Reply to customer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reply to customer' }).waitFor();
    await page.getByRole('list', { name: 'Placeholders' }).getByRole('button', { name: '#SR_ID#' }).waitFor();

    await page.getByRole('list', { name: 'Placeholders' }).getByRole('button', { name: '#SR_ID#' }).click();
    expect(await page.getByRole('textbox', { name: 'Body (HTML)' }).inputValue()).toMatch(/#SR_ID#$/);
    await page.frameLocator('iframe[title="Live preview of the body"]').getByText('#SR_ID#').waitFor();
  });

  it("shows the API's message at the reply text when the marker is missing, and Set Example text restores it", async () => {
    await replyText().fill('Please reply above');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('The template was not saved').waitFor();
    // Fluent's Field shows the message under the field and ties it to the input (aria-describedby).
    const describedBy = (await replyText().getAttribute('aria-describedby')) ?? '';
    const message = await page.evaluate((ids) => ids.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '), describedBy);
    expect(message).toMatch(/^Reply text: /);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Set Example text' }).click();
    expect(await replyText().inputValue()).toContain('#EC_ID#');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mail templates' }).waitFor();
  });

  it('renders the saved template against an SR, with a sample token in the reply line', async () => {
    await page.getByRole('table', { name: 'Mail templates' }).getByRole('link', { name: 'Reply to customer' }).click();
    await page.getByRole('button', { name: 'Render' }).click();
    const rendered = page.frameLocator('iframe[title="The email as it would be sent"]');
    await rendered.getByText(/Please type your reply above this line -## \[SR-000001-/).waitFor();
    await rendered.getByText('Dear Diego Siciliani,').waitFor();
  });

  it('looks right in light and dark (screenshots in test-results/screenshots/)', async () => {
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await page.waitForFunction((t) => document.documentElement.dataset.theme === t, theme);
      await page.evaluate(() => (window.location.hash = '#/admin/templates'));
      await page.getByRole('table', { name: 'Mail templates' }).waitFor();
      await page.waitForFunction(() => !document.querySelector('.fui-Toast'));
      expect(await seriousAxeViolations(page), `${theme} list`).toEqual([]);
      await saveScreenshot(page, `mail-templates-${theme}`);
      await page.getByRole('table', { name: 'Mail templates' }).getByRole('link', { name: 'Request received' }).click();
      await page.getByRole('heading', { level: 1, name: 'Request received' }).waitFor();
      expect(await seriousAxeViolations(page), `${theme} editor`).toEqual([]);
      await saveScreenshot(page, `mail-template-editor-${theme}`);
    }
  });
});
