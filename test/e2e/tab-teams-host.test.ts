import type { Browser, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID } from '../../emulator/src/index.js';
import { openInFakeTeamsHost } from '../support/fake-teams-host.js';
import { startStack, type TestStack } from '../support/stack.js';
import { launchBrowser, newPage } from './support/browser.js';
import { saveScreenshot } from './support/screenshots.js';

// The tab as Teams shows it: framed by a host that answers teams-js (initialize, getContext, getAuthToken)
// and pushes theme changes. No sign-in page: the host's SSO token is the session.

let stack: TestStack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const theme = (tab: Frame) =>
  tab.evaluate(() => ({
    name: document.documentElement.dataset.theme,
    background: getComputedStyle(document.body).backgroundColor,
  }));

/** Relative luminance of an rgb() colour, 0 (black) to 1 (white). */
function luminance(rgb: string): number {
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+/g) ?? []).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

describe('the tab inside Teams', () => {
  it('starts with the SSO token and follows theme changes to dark and high contrast', async () => {
    const token = await stack.tokenFor('admin@contoso.test');
    const { context, page, problems } = await newPage(browser);
    const authorizations = new Set<string>();
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/requests'))
        authorizations.add(request.headers().authorization ?? '(none)');
    });
    const host = await openInFakeTeamsHost(page, {
      origin: stack.url,
      tabPath: '/tab/#/requests',
      token,
      context: { tid: DEMO_TENANT_ID, userPrincipalName: 'admin@contoso.test' },
    });
    const tab = await host.tab();

    await tab.getByRole('link', { name: 'SR-000001' }).waitFor();
    expect(await tab.getByRole('button', { name: /^Sign in as/ }).count()).toBe(0);
    expect(await tab.getByRole('button', { name: 'Signed in as Megan Bowen (Admin)' }).count()).toBe(1);
    expect([...authorizations]).toEqual([`Bearer ${token}`]);
    expect(await host.calls()).toEqual(
      expect.arrayContaining(['initialize', 'getContext', 'authentication.getAuthToken']),
    );

    const light = await theme(tab);
    expect(light.name).toBe('light');
    expect(luminance(light.background)).toBeGreaterThan(0.9);

    await host.changeTheme('dark');
    await tab.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    expect(luminance((await theme(tab)).background)).toBeLessThan(0.2);
    await saveScreenshot(page, 'tab-teams-requests-dark');

    await host.changeTheme('contrast');
    await tab.waitForFunction(() => document.documentElement.dataset.theme === 'contrast');
    expect((await theme(tab)).background).toBe('rgb(0, 0, 0)');
    await saveScreenshot(page, 'tab-teams-requests-contrast');

    expect(problems).toEqual([]);
    await context.close();
  });

  it('opens the SR a deep link names (subEntityId)', async () => {
    const token = await stack.tokenFor('agent@contoso.test');
    const { context, page, problems } = await newPage(browser);
    const host = await openInFakeTeamsHost(page, {
      origin: stack.url,
      tabPath: '/tab/',
      token,
      context: { tid: DEMO_TENANT_ID, userPrincipalName: 'agent@contoso.test', subEntityId: 'SR-000002' },
    });
    const tab = await host.tab();
    await tab.getByRole('heading', { level: 1, name: /SR-000002/ }).waitFor();
    expect(tab.url()).toMatch(/#\/requests\/SR-000002$/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('configures a team tab: Save pins the Service Requests view', async () => {
    const token = await stack.tokenFor('agent@contoso.test');
    const { context, page } = await newPage(browser);
    const host = await openInFakeTeamsHost(page, {
      origin: stack.url,
      tabPath: '/tab/#/configure',
      token,
      context: {
        tid: DEMO_TENANT_ID,
        userPrincipalName: 'agent@contoso.test',
        frameContext: 'settings',
        entityId: '',
      },
    });
    const tab = await host.tab();
    await tab.getByRole('heading', { name: 'Add Service Messaging to this team' }).waitFor();
    await page.waitForFunction(() =>
      (window as unknown as { hostMessages: { func: string }[] }).hostMessages.some(
        (m) => m.func === 'settings.setValidityState',
      ),
    );
    expect(await host.argsOf('settings.setValidityState')).toEqual([[true]]);

    await host.sendToTab('settings.save', [{}]);
    await page.waitForFunction(() =>
      (window as unknown as { hostMessages: { func: string }[] }).hostMessages.some(
        (m) => m.func === 'settings.save.success',
      ),
    );
    const [[settings]] = (await host.argsOf('settings.setSettings')) as [
      [{ contentUrl: string; entityId: string; suggestedDisplayName: string }],
    ];
    expect(settings).toMatchObject({
      contentUrl: `${stack.tabUrl}#/requests`,
      entityId: 'requests',
      suggestedDisplayName: 'Service Requests',
    });
    await context.close();
  });

  it('says why and offers a retry when Teams cannot give a token', async () => {
    const { context, page } = await newPage(browser);
    const host = await openInFakeTeamsHost(page, {
      origin: stack.url,
      tabPath: '/tab/#/requests',
      tokenError: 'resourceRequiresConsent',
      context: { tid: DEMO_TENANT_ID, userPrincipalName: 'agent@contoso.test' },
    });
    const tab = await host.tab();
    const alert = tab.getByRole('alert');
    await alert.getByText('Service Messaging could not start').waitFor();
    expect(await alert.textContent()).toContain('resourceRequiresConsent');
    expect(await tab.getByRole('button', { name: 'Try again' }).isEnabled()).toBe(true);
    await context.close();
  });
});
