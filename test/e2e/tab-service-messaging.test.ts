import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './support/axe.js';
import { saveScreenshot } from './support/screenshots.js';
import { signedInSession } from './support/signed-in-session.js';

// Administration > Service messaging in a browser: the rate limits show the installation's defaults, a bad value
// gets the API's message at its field and is not stored, a good one is stored and still there after a reload.

const session = signedInSession('admin@contoso.test');

const perSender = () => session.page.getByRole('spinbutton', { name: 'Emails from one sender per hour' });
const perAddress = () =>
  session.page.getByRole('spinbutton', { name: 'Automatic emails to one address per hour' });
// The toast itself (a listitem named by its title): for half a second Fluent also puts the same words in an aria-live
// region for screen readers, so a search by text alone can find two elements.
const savedToast = () => session.page.getByRole('listitem', { name: 'Service messaging settings saved' });

async function storedLimits(): Promise<unknown> {
  const token = await session.stack.tokenFor('admin@contoso.test');
  const res = await fetch(`${session.stack.url}/api/admin/settings`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await res.json()) as { rateLimits?: unknown }).rateLimits;
}

describe('rate limits, signed in as the demo admin', () => {
  it("shows the installation's defaults while none is set", async () => {
    await session.page.evaluate(() => (window.location.hash = '#/admin/service-messaging'));
    await session.page.getByRole('heading', { name: 'Rate limits' }).waitFor();
    expect(await perSender().getAttribute('placeholder')).toBe('30 (default)');
    expect(await perAddress().getAttribute('placeholder')).toBe('30 (default)');
    expect(
      await session.page
        .getByRole('spinbutton', { name: 'Automatic emails about one SR per hour' })
        .getAttribute('placeholder'),
    ).toBe('10 (default)');
    await session.page.getByText("Leave empty for this installation's default, 10.").waitFor();
  });

  it('greys out the reply-status rows for closed statuses and says the closed-SR policy decides there', async () => {
    const resolvedRow = session.page.getByRole('combobox', { name: 'When the SR is Resolved (closed)' });
    expect(await resolvedRow.isDisabled()).toBe(true);
    await session.page
      .getByText(
        'Does not apply to replies the engine reads: the closed-SR policy holds them in the Mail Center',
      )
      .first()
      .waitFor();
    expect(await session.page.getByRole('combobox', { name: 'When the SR is Open' }).isDisabled()).toBe(
      false,
    );
    await session.page
      .getByRole('radio', { name: /reopen/i })
      .first()
      .check();
    await session.page
      .getByText('Does not apply: the closed-SR policy reopens such SRs to Open.')
      .first()
      .waitFor();
    await session.page.reload();
    await session.page.getByRole('heading', { name: 'Rate limits' }).waitFor();
  });

  it("refuses a limit out of range with the API's message at the field, storing nothing", async () => {
    await perSender().fill('5000');
    await session.page.getByRole('button', { name: 'Save' }).click();
    await session.page.getByText('The settings were not saved').waitFor();
    // At the field itself (Fluent's Field wraps the label, the input and its message).
    await session.page
      .locator('.fui-Field', { has: perSender() })
      .getByText('Emails from one sender per hour must be a whole number from 1 to 1000.')
      .waitFor();
    expect(await storedLimits()).toBeUndefined();
  });

  it('stores the limits an admin sets and shows them after a reload', async () => {
    await perSender().fill('12');
    await perAddress().fill('4');
    await session.page.getByRole('button', { name: 'Save' }).click();
    await savedToast().waitFor();
    expect(await storedLimits()).toEqual({ inboundPerSenderPerHour: 12, rulePerRecipientPerHour: 4 });

    await session.page.reload();
    // The form renders once the settings are loaded, so the heading means the values are in.
    await session.page.getByRole('heading', { name: 'Rate limits' }).waitFor();
    expect(await perSender().inputValue()).toBe('12');
    expect(await perAddress().inputValue()).toBe('4');
  });

  it('goes back to the default when a field is emptied', async () => {
    await perAddress().fill('');
    await session.page.getByRole('button', { name: 'Save' }).click();
    await savedToast().waitFor();
    expect(await storedLimits()).toEqual({ inboundPerSenderPerHour: 12 });
  });

  it('looks right in light and dark (screenshots in test-results/screenshots/)', async () => {
    // The pictures show the page, not the last save's toast.
    await savedToast().waitFor({ state: 'detached' });
    await session.page.getByRole('heading', { name: 'Rate limits' }).scrollIntoViewIfNeeded();
    for (const theme of ['light', 'dark'] as const) {
      await session.page.emulateMedia({ colorScheme: theme });
      await session.page.waitForFunction((t) => document.documentElement.dataset.theme === t, theme);
      expect(await seriousAxeViolations(session.page), theme).toEqual([]);
      await saveScreenshot(session.page, `service-messaging-rate-limits-${theme}`);
    }
  });
});
