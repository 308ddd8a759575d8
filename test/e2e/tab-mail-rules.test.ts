import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './support/axe.js';
import { saveScreenshot } from './support/screenshots.js';
import { signedInSession } from './support/signed-in-session.js';

// Administration > Service messaging > Rules in a browser: trigger → template → recipients, stored by the API.

const session = signedInSession('admin@contoso.test');

const table = () => session.page.getByRole('table', { name: 'Rules' });

describe('rules, signed in as the demo admin', () => {
  it('lists the seeded rule as a sentence', async () => {
    await session.page.getByRole('tab', { name: 'Administration' }).click();
    await session.page.getByRole('tab', { name: 'Rules', exact: true }).click();
    await table()
      .getByRole('row', { name: /Acknowledge new requests/ })
      .getByText('An SR is created')
      .waitFor();
  });

  it('adds a rule: when the status changes to Resolved, send Status update to the requester and an address', async () => {
    await session.page.getByRole('button', { name: 'Add rule' }).click();
    const dialog = session.page.getByRole('dialog', { name: 'Add a rule' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Tell the requester it is solved');
    await dialog.getByRole('combobox', { name: 'To status' }).click();
    await session.page.getByRole('option', { name: 'Resolved' }).click();
    await dialog.getByRole('combobox', { name: 'Send the template' }).click();
    await session.page.getByRole('option', { name: 'Status update' }).click();
    await dialog.getByRole('textbox', { name: 'Other addresses' }).fill('lead@contoso.test');
    expect(await seriousAxeViolations(session.page)).toEqual([]);
    await saveScreenshot(session.page, 'mail-rule-dialog-light', { fullPage: false });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = table().getByRole('row', { name: /Tell the requester it is solved/ });
    await row.getByText('The status changes to Resolved').waitFor();
    await row.getByText('the requester, lead@contoso.test').waitFor();

    const token = await session.stack.tokenFor('admin@contoso.test');
    const stored = (await (
      await fetch(`${session.stack.url}/api/admin/rules`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { items: { name: string }[] };
    expect(stored.items.find((r) => r.name === 'Tell the requester it is solved')).toMatchObject({
      enabled: true,
      trigger: { kind: 'status-changed', to: 'Resolved' },
      templateId: 'status-update',
      recipients: [{ kind: 'requester' }, { kind: 'address', address: 'lead@contoso.test' }],
    });
  });

  it("shows the API's message when no recipient is chosen", async () => {
    await table().getByRole('button', { name: 'Edit Tell the requester it is solved' }).click();
    const dialog = session.page.getByRole('dialog', { name: 'Edit "Tell the requester it is solved"' });
    await dialog.getByRole('checkbox', { name: 'The requester' }).uncheck();
    await dialog.getByRole('textbox', { name: 'Other addresses' }).fill('');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('The rule was not saved').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('looks right in light and dark (screenshots in test-results/screenshots/)', async () => {
    for (const theme of ['light', 'dark'] as const) {
      await session.page.emulateMedia({ colorScheme: theme });
      await session.page.waitForFunction((t) => document.documentElement.dataset.theme === t, theme);
      await session.page.waitForFunction(() => !document.querySelector('.fui-Toast'));
      expect(await seriousAxeViolations(session.page), theme).toEqual([]);
      await saveScreenshot(session.page, `mail-rules-${theme}`);
    }
  });
});
