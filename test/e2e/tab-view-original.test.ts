import { readFileSync } from 'node:fs';
import { simpleParser } from 'mailparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from '../support/stack.js';
import { seriousAxeViolations } from './support/axe.js';
import { launchBrowser, newPage, signInAsDemoUser, watchForHostileEffects } from './support/browser.js';
import { saveScreenshot } from './support/screenshots.js';

// "View original" on an email note, in a browser: the dialog shows the headers and the whole email as the API read
// and sanitised it, in the script-less frame, and the download is the original .eml. The email is hostile, and
// nothing in it may run, navigate or load from the sender's server.

const HOSTILE_HTML = `<html><head><meta http-equiv="refresh" content="0;url=https://evil.example/phish"></head><body>
  <p>The printer on floor 3 prints again.</p>
  <script>window.parent.pwned = 'script'; alert('script')</script>
  <img src="https://evil.example/track.gif" onerror="alert('onerror')">
  <a href="javascript:alert('link')">click me</a>
  <blockquote>On Monday you wrote: please restart it.</blockquote>
</body></html>`;

let stack: TestStack;
let browser: Browser;
let eml: Buffer;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  eml = await new MailComposer({
    from: { name: 'Mallory', address: 'mallory@evil.example' },
    to: 'support@contoso.test',
    cc: 'lead@fabrikam.test',
    subject: 'RE: [SR-000002] Printer on floor 3',
    date: new Date('2026-03-02T09:30:00Z'),
    html: HOSTILE_HTML,
    text: 'The printer on floor 3 prints again.',
    attachments: [{ filename: 'printer.log', content: 'ok\n' }],
  })
    .compile()
    .build();
  const { services } = stack.runtime;
  const blob = await services.blobs.put(eml);
  await services.store.transact((tx) =>
    tx.collection('notes').insert({
      id: 'note-with-original',
      requestId: 2,
      typeCode: 'PUBLIC',
      accessLevel: 'User',
      source: 'email',
      bodyHtml: '<p>The printer on floor 3 prints again.</p>',
      bodyText: 'The printer on floor 3 prints again.',
      author: { id: 'email:mallory@evil.example', name: 'Mallory' },
      createdAt: new Date().toISOString(),
      email: {
        from: { name: 'Mallory', address: 'mallory@evil.example' },
        subject: 'RE: [SR-000002] Printer on floor 3',
        receivedAt: '2026-03-02T09:30:00Z',
        signal: 'manual',
        originalRef: blob.sha256,
        originalContentType: 'message/rfc822',
      },
    }),
  );
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe('view original', () => {
  it.each(['light', 'dark'] as const)(
    'shows the headers and the sanitised email, and downloads the .eml (%s)',
    async (theme) => {
      const { context, page, problems } = await newPage(browser, {
        colorScheme: theme,
        acceptDownloads: true,
      });
      const { dialogs, evilRequests } = await watchForHostileEffects(context, page);
      await signInAsDemoUser(page, stack.tabUrl, 'agent@contoso.test');
      await page.evaluate(() => (window.location.hash = '#/requests/SR-000002'));

      await page.getByRole('button', { name: 'View original of the email from Mallory' }).click();
      const dialog = page.getByRole('dialog', { name: 'Original email' });
      const headers = dialog.getByRole('definition');
      await headers.filter({ hasText: 'Mallory <mallory@evil.example>' }).waitFor();
      await headers.filter({ hasText: 'support@contoso.test' }).waitFor();
      await headers.filter({ hasText: 'lead@fabrikam.test' }).waitFor();
      await headers.filter({ hasText: 'RE: [SR-000002] Printer on floor 3' }).waitFor();
      await headers.filter({ hasText: /printer\.log \(3 B\)/ }).waitFor();
      const body = page.frameLocator('iframe[title="Original email: RE: [SR-000002] Printer on floor 3"]');
      await body.getByText('The printer on floor 3 prints again.').waitFor();
      await body.getByText('On Monday you wrote: please restart it.').waitFor();
      await body.getByText('click me').click();

      const frame = await page.$eval('iframe[title^="Original email"]', (element: HTMLIFrameElement) => ({
        sandbox: element.getAttribute('sandbox') ?? '',
        // The frame's own head holds only its CSP; nothing of the email may be active anywhere in it.
        active:
          element.contentDocument?.querySelectorAll(
            'body script, body meta, [onerror], [href^="javascript:"], img[src^="http"], meta[http-equiv="refresh" i]',
          ).length ?? -1,
      }));
      expect(frame.sandbox.split(/\s+/)).not.toContain('allow-scripts');
      expect(frame.active).toBe(0);

      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, `view-original-${theme}`);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        dialog.getByRole('button', { name: 'Download .eml' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^SR-000002-email-note-wit\.eml$/);
      const saved = readFileSync((await download.path()) ?? '');
      expect(saved.equals(eml)).toBe(true);
      expect((await simpleParser(saved)).subject).toBe('RE: [SR-000002] Printer on floor 3');

      await dialog.getByRole('button', { name: 'Close' }).click();
      await dialog.waitFor({ state: 'detached' });
      expect(await page.evaluate(() => (window as unknown as { pwned?: string }).pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(evilRequests).toEqual([]);
      expect(page.url()).toBe(`${stack.tabUrl}#/requests/SR-000002`);
      expect(problems).toEqual([]);
      await context.close();
    },
  );
});
