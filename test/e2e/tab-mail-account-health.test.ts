import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './support/axe.js';
import { saveScreenshot } from './support/screenshots.js';
import { signedInSession } from './support/signed-in-session.js';

// Administration > Mail > Accounts > the demo mailbox: its health panel, Test connection and Sync now, each
// showing progress and then the result, in a browser against the emulator.

const session = signedInSession('admin@contoso.test');

const health = () => session.page.getByRole('region', { name: 'Health' });

describe('the health of a mail account, signed in as the demo admin', () => {
  it('shows the health panel next to the account settings', async () => {
    await session.page.getByRole('tab', { name: 'Administration' }).click();
    await session.page.getByRole('tab', { name: 'Mail › Accounts' }).click();
    await session.page
      .getByRole('row', { name: /support@contoso\.test/ })
      .getByRole('link')
      .first()
      .click();
    await health().getByText('Last 24 hours').waitFor();
    await health().getByText('Running').waitFor();
    // One instance: it keeps the subscription and answers; the line names it.
    await health()
      .getByText(/subscription kept by \S+ · answered by \S+/)
      .waitFor();
    // The stack's public URL is its own, so the emulator's validation handshake reaches it and notifications flow.
    await health()
      .getByText(/^Active until /)
      .waitFor();
  });

  it('tests the connection step by step', async () => {
    await session.page.getByRole('button', { name: 'Test connection' }).click();
    const result = session.page.getByRole('region', { name: 'Connection test result' });
    await result.getByText('The connection works.').waitFor();
    expect(await result.getByRole('listitem').count()).toBe(4);
  });

  it('syncs now and reports what the sync did', async () => {
    await session.page.getByRole('button', { name: 'Sync now' }).click();
    await session.page
      .getByRole('status')
      .filter({ hasText: /^Sync finished: \d+ unread found/ })
      .waitFor();
    await health()
      .getByText(/unread found: \d+ became notes/)
      .waitFor();
  });

  it('looks right in light and dark (screenshots in test-results/screenshots/)', async () => {
    for (const theme of ['light', 'dark'] as const) {
      await session.page.emulateMedia({ colorScheme: theme });
      await session.page.waitForFunction((t) => document.documentElement.dataset.theme === t, theme);
      expect(await seriousAxeViolations(session.page), theme).toEqual([]);
      await saveScreenshot(session.page, `mail-account-health-${theme}`);
    }
  });
});
