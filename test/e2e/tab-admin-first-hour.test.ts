import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID, SERVICE_DESK_MAIL_CLIENT_ID } from '../../emulator/src/index.js';
import { apiAs } from './support/api-as.js';
import { seriousAxeViolations } from './support/axe.js';
import { saveScreenshot } from './support/screenshots.js';
import { signedInSession } from './support/signed-in-session.js';

// An admin's first hour in demo mode: the setup checklist on the README's recommended path, a change of the Default
// account that is confirmed, tested and refused in words, and forms that say what is wrong at the field.

const session = signedInSession('admin@contoso.test');
const page = (): Page => session.page;
const go = (hash: string) => page().evaluate((h) => (window.location.hash = h), hash);
type Account = { id: string; emailAddress: string; isDefault: boolean };
const accounts = async () =>
  (await apiAs(session.stack, 'admin@contoso.test')<{ items: Account[] }>('/admin/mail/accounts')).items;

/** The words Fluent's Field ties to a control (aria-describedby): its validation message, and its hint. */
const describedBy = (control: Locator) =>
  control.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );

async function expectAtField(control: Locator, message: string): Promise<void> {
  await expect.poll(() => describedBy(control)).toContain(message);
  expect(await control.getAttribute('aria-invalid')).toBe('true');
}

const step = (n: number) =>
  page()
    .getByRole('listitem')
    .filter({ has: page().getByRole('heading', { name: new RegExp(`^${n}\\. `) }) });

describe('the setup checklist', () => {
  it('takes the recommended path, counts all 7 steps, and ticks the permission steps from Test connection', async () => {
    await go('#/admin/setup');
    // The emulator's demo mail app has tenant-wide Graph consent: the alternative route, which only the admin can
    // confirm is limited by an access policy.
    await page().getByText('6 of 7 steps done').waitFor();
    // A new desk's lowdb file is far below the size where commits slow down (tab-store-size-warning.test.ts).
    expect(await page().getByTestId('store-size-warning').count()).toBe(0);
    expect(await step(3).textContent()).toContain(
      'Check yourself: The app’s token carries Mail.Send from Entra admin consent',
    );
    expect(await step(4).textContent()).toContain(
      'Done: Test connection: The app can open support@contoso.test.',
    );
    expect(await step(4).locator('code').first().textContent()).toContain(
      `New-ServicePrincipal -AppId ${SERVICE_DESK_MAIL_CLIENT_ID}`,
    );
    expect(await step(4).getByText('New-ApplicationAccessPolicy').isVisible()).toBe(false);
    await step(4).getByText('The alternative: Graph consent limited by an application access policy').click();
    await step(4)
      .getByText(/New-ApplicationAccessPolicy -AppId/)
      .waitFor();
    expect(await seriousAxeViolations(page())).toEqual([]);
    await saveScreenshot(page(), 'tab-admin-setup-consent-route-light');

    // The README's setup in the emulator: no Graph consent in Entra, Exchange grants on the desk mailbox only.
    const put = await session.stack.emulator.control('PUT', '/app-permissions', {
      entraRoles: [],
      exchangeRoles: ['Mail.ReadWrite', 'Mail.Send'].map((role) => ({
        role: `Application ${role}`,
        mailboxes: ['support@contoso.test'],
      })),
    });
    expect(put.status).toBe(200);
    try {
      await page().getByRole('button', { name: 'Check again' }).click();
      await page().getByText('7 of 7 steps done').waitFor();
      expect(await step(3).textContent()).toContain('Done: The app’s token carries no Graph mail permission');
      await saveScreenshot(page(), 'tab-admin-setup-recommended-light');
    } finally {
      await session.stack.emulator.control('DELETE', '/app-permissions');
    }
  });
});

describe('changing the Default account', () => {
  const defaultSwitch = () => page().getByRole('switch', { name: 'Default' });

  it('asks first, tests the account, and refuses one that fails, saying what would stop', async () => {
    const before = await accounts();
    await go('#/admin/accounts/new');
    await page().getByRole('textbox', { name: 'Email', exact: true }).fill('billing@contoso.test');
    await defaultSwitch().check();
    await page().getByRole('switch', { name: 'Service Messaging' }).check();
    await page()
      .getByText(
        'support@contoso.test is the Default account now: rule emails and the emails agents send from SRs go out from it.',
      )
      .waitFor();
    await page().getByRole('textbox', { name: 'Directory (tenant) ID' }).fill(DEMO_TENANT_ID);
    await page().getByRole('textbox', { name: 'Application (client) ID' }).fill(SERVICE_DESK_MAIL_CLIENT_ID);
    await page().getByLabel('Client secret', { exact: true }).fill('billing-secret-WXYZ');
    await page().getByRole('button', { name: 'Save' }).click();

    const dialog = page().getByRole('alertdialog', {
      name: 'Make billing@contoso.test the Default account?',
    });
    await dialog
      .getByText(
        'Rule emails and the emails agents send from SRs go out from the Default account, now support@contoso.test.',
      )
      .waitFor();
    expect(await seriousAxeViolations(page())).toEqual([]);
    await saveScreenshot(page(), 'tab-admin-default-change-dialog-light', { fullPage: false });
    await dialog.getByRole('button', { name: 'Test and make Default' }).click();
    await dialog.waitFor({ state: 'detached' });

    await expectAtField(
      defaultSwitch(),
      'billing@contoso.test cannot become the Default account: Test connection failed at getting a token.',
    );
    expect(await describedBy(defaultSwitch())).toContain(
      'support@contoso.test stays the Default, so rule emails and the emails agents send from SRs keep going out from it.',
    );
    await page().getByText('The account was not saved').waitFor();
    expect(await accounts()).toEqual(before);
    expect(await seriousAxeViolations(page())).toEqual([]);
    await saveScreenshot(page(), 'tab-admin-default-refused-light');
  });

  it('makes a tested account the Default once confirmed, and support@ gives it up', async () => {
    await page().getByRole('textbox', { name: 'Email', exact: true }).fill('admin@contoso.test');
    await page()
      .getByLabel('Client secret', { exact: true })
      .fill(session.stack.emulator.mailApp.clientSecret);
    await page().getByRole('button', { name: 'Save' }).click();
    await page()
      .getByRole('alertdialog', { name: 'Make admin@contoso.test the Default account?' })
      .getByRole('button', { name: 'Test and make Default' })
      .click();
    await page()
      .getByRole('row', { name: /admin@contoso\.test/ })
      .waitFor();
    const after = await accounts();
    expect(after.map((a) => [a.emailAddress, a.isDefault])).toEqual([
      ['admin@contoso.test', true],
      ['support@contoso.test', false],
    ]);
    // Give Default back for the other tests of this file.
    const [admin, support] = after as [Account, Account];
    await apiAs(session.stack, 'admin@contoso.test')(`/admin/mail/accounts/${support.id}`, {
      method: 'PATCH',
      json: { isDefault: true, replacesDefault: admin.id },
    });
  });
});

describe('form errors: in words, at their field, never a browser bubble', () => {
  it('every form leaves the checks to us', async () => {
    await go('#/admin/templates/new');
    await page().getByRole('form', { name: 'Mail template' }).waitFor();
    expect(await page().evaluate(() => [...document.forms].every((form) => form.noValidate))).toBe(true);
  });

  it('a template', async () => {
    await page().getByRole('textbox', { name: 'Subject' }).fill('');
    await page().getByRole('button', { name: 'Save' }).click();
    await expectAtField(page().getByRole('textbox', { name: 'Name' }), 'Enter a name.');
    await expectAtField(page().getByRole('textbox', { name: 'Subject' }), 'Enter a subject.');
    expect(await page().getByRole('alert', { name: 'The template was not saved' }).textContent()).toContain(
      'Enter a name. Enter a subject.',
    );
  });

  it('a rule, in its dialog', async () => {
    await go('#/admin/rules');
    await page().getByRole('button', { name: 'Add rule' }).click();
    const dialog = page().getByRole('dialog', { name: 'Add a rule' });
    await dialog.getByRole('textbox', { name: 'Other addresses' }).fill('lead@');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expectAtField(dialog.getByRole('textbox', { name: 'Name' }), 'Enter a name.');
    // The sweep (tab-pages.test.ts) pictures this dialog with its errors in light, dark and high contrast.
    await expectAtField(
      dialog.getByRole('textbox', { name: 'Other addresses' }),
      'The address must look like name@example.com.',
    );
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('an account', async () => {
    await go('#/admin/accounts/new');
    await page().getByRole('textbox', { name: 'Email', exact: true }).fill('desk');
    await page().getByRole('button', { name: 'Save' }).click();
    await expectAtField(
      page().getByRole('textbox', { name: 'Email', exact: true }),
      'The email address must look like name@example.com.',
    );
    await expectAtField(
      page().getByRole('textbox', { name: 'Directory (tenant) ID' }),
      'Directory (tenant) ID is required for Microsoft 365 sign-in',
    );
    const banner = await page().getByRole('alert', { name: 'The account was not saved' }).textContent();
    expect(banner).not.toMatch(/emailAddress|tenantId|Too small|expected|Invalid/);
  });

  it('a dialog: a new service request', async () => {
    await go('#/requests');
    await page().getByRole('button', { name: 'New service request' }).click();
    const dialog = page().getByRole('dialog', { name: 'New service request' });
    await dialog.getByRole('textbox', { name: 'Requester email' }).fill('lee');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expectAtField(dialog.getByRole('textbox', { name: 'Title' }), 'Enter a title.');
    await expectAtField(
      dialog.getByRole('textbox', { name: 'Requester name' }),
      'Enter the requester’s name.',
    );
    await expectAtField(
      dialog.getByRole('textbox', { name: 'Requester email' }),
      'The requester’s email address must look like name@example.com.',
    );
    await saveScreenshot(page(), 'tab-new-request-errors-light', { fullPage: false });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(session.problems.filter((p) => !/status of 4\d\d/.test(p))).toEqual([]);
  });
});
