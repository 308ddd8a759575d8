import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from '../support/stack.js';
import { launchBrowser, newPage } from './support/browser.js';

// A plain browser against a "real" tenant (DEMO off): MSAL signs in with a popup and PKCE through the redirect
// bridge page, here against the M365 emulator's Entra endpoints (the browser accepts its local CA, as a
// developer's browser would after installing it).

let stack: TestStack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ env: { DEMO: '0' } }), launchBrowser()]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

/**
 * Known emulator gap: the API's client config asks for the App ID URI scope api://<tab host>/<client id>/access_as_user
 * (as aad.manifest.json declares it); the emulator grants only api://<client id>/access_as_user and answers
 * AADSTS500011. Until it does, the token request's scope is rewritten in flight; everything else is real.
 */
async function bridgeEmulatorScopeGap(context: BrowserContext): Promise<void> {
  console.warn(
    'Known emulator gap: rewriting api://localhost/<client id> to api://<client id> in the token request.',
  );
  await context.route(/\/oauth2\/v2\.0\/token(\?|$)/, (route) =>
    route.continue({
      postData: (route.request().postData() ?? '').replace(/api%3A%2F%2Flocalhost%2F/g, 'api%3A%2F%2F'),
    }),
  );
}

describe('Microsoft sign-in outside Teams', () => {
  it('signs in with a popup and calls the API with the token', async () => {
    const { context, page, problems } = await newPage(browser, { ignoreHTTPSErrors: true });
    await bridgeEmulatorScopeGap(context);
    const authorizations = new Set<string>();
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/requests'))
        authorizations.add(request.headers().authorization?.split('.')[0] ?? '(none)');
    });
    await page.goto(stack.tabUrl);
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('button', { name: 'Sign in with Microsoft' }).click(),
    ]);
    await popup.getByRole('button', { name: /admin@contoso\.test/ }).click();
    await page.getByRole('heading', { name: 'Service requests', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Signed in as Megan Bowen (Admin)' }).waitFor();
    // Not demo mode: no seeded SRs, so the API's answer is the empty list (an error would show instead).
    await page.getByText('No service requests yet').waitFor();
    expect([...authorizations]).toHaveLength(1);
    expect([...authorizations][0]).toMatch(/^Bearer ey/);
    expect(problems).toEqual([]);
    await context.close();
  });
});
