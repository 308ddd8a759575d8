import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from '../support/stack.js';
import { launchBrowser, newPage, signInAsDemoUser } from './support/browser.js';

// Agents work SRs; Administration is for admins. The tab hides it and explains a direct link, and the API
// refuses agents anyway (the tab's check is for people, the API's for security).

let stack: TestStack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe('an agent', () => {
  it('does not see Administration and cannot reach it by link', async () => {
    const { context, page, problems } = await newPage(browser);
    const adminCalls: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/api/admin/mail') || path.startsWith('/api/admin/settings')) adminCalls.push(path);
    });
    await signInAsDemoUser(page, stack.tabUrl, 'agent@contoso.test');
    await page.getByRole('button', { name: 'Signed in as Alex Wilber (Agent)' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Service requests' }).count()).toBe(1);
    expect(await page.getByRole('tab', { name: 'Administration' }).count()).toBe(0);

    for (const hash of ['#/admin', '#/admin/accounts', '#/admin/accounts/new', '#/admin/service-messaging']) {
      await page.evaluate((h) => (window.location.hash = h), hash);
      await page.getByRole('heading', { name: 'Administration is for service desk admins' }).waitFor();
      expect(
        await page
          .getByRole('heading', { name: /Email accounts|Service messaging|Set up service messaging/ })
          .count(),
      ).toBe(0);
    }
    expect(adminCalls).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('is refused by the API as well', async () => {
    const token = await stack.tokenFor('agent@contoso.test');
    for (const path of ['/api/admin/settings', '/api/admin/mail/accounts']) {
      const res = await fetch(`${stack.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(403);
    }
  });
});
