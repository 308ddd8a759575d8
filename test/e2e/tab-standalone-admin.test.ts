import { describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID, SERVICE_DESK_MAIL_CLIENT_ID } from '../../emulator/src/index.js';
import { signedInSession } from './support/signed-in-session.js';

// An admin configures the desk in a plain browser, demo mode: mail accounts and the setup checklist, note types, and
// what the tab does when the API refuses the token. Each step checks what a person would see.

const session = signedInSession('admin@contoso.test');

describe('the tab in a browser, signed in as the demo admin', () => {
  it('adds a second mail account and edits the demo mailbox; the checklist follows', async () => {
    await session.page.getByRole('tab', { name: 'Administration' }).click();
    await session.page.getByText('6 of 7 steps done').waitFor();
    await session.page.getByText('All 3 templates carry the reply line with #EC_ID#.').waitFor();
    await session.page.getByRole('tab', { name: 'Mail › Accounts' }).click();
    const demoRow = session.page.getByRole('row', { name: /support@contoso\.test/ });
    await demoRow.getByText(/^Set, ends in …/).waitFor();

    await session.page.getByRole('link', { name: 'Add account' }).click();
    await session.page.getByRole('heading', { level: 1, name: 'Add an email account' }).waitFor();
    expect(await session.page.getByRole('spinbutton', { name: 'Incoming port' }).inputValue()).toBe('143');
    expect(await session.page.getByRole('spinbutton', { name: 'Outgoing port' }).inputValue()).toBe('587');
    await session.page.getByRole('textbox', { name: 'Email', exact: true }).fill('billing@contoso.test');
    await session.page.getByRole('textbox', { name: 'Directory (tenant) ID' }).fill(DEMO_TENANT_ID);
    await session.page
      .getByRole('textbox', { name: 'Application (client) ID' })
      .fill(SERVICE_DESK_MAIL_CLIENT_ID);
    await session.page.getByLabel('Client secret', { exact: true }).fill('billing-secret-WXYZ');
    await session.page.getByRole('button', { name: 'Save' }).click();

    const billingRow = session.page.getByRole('row', { name: /billing@contoso\.test/ });
    await billingRow.getByText('Set, ends in …WXYZ').waitFor();

    await demoRow.getByRole('link', { name: 'support@contoso.test', exact: true }).click();
    await session.page.getByRole('heading', { level: 1, name: 'support@contoso.test' }).waitFor();
    expect(await session.page.getByLabel('Client secret', { exact: true }).inputValue()).toBe('');
    await session.page
      .getByRole('textbox', { name: 'Name of the folder to check for unread email' })
      .fill('Service Desk');
    await session.page.getByRole('radio', { name: 'Move mail to this folder after processing' }).check();
    await session.page.getByRole('textbox', { name: 'Move mail to this folder' }).fill('Processed');
    await session.page.getByRole('button', { name: 'Save' }).click();
    await demoRow.getByText('Service Desk').waitFor();

    const token = await session.stack.tokenFor('admin@contoso.test');
    const { items } = await (
      await fetch(`${session.stack.url}/api/admin/mail/accounts`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json();
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          emailAddress: 'billing@contoso.test',
          isDefault: false,
          serviceMessaging: false,
          clientSecret: { isSet: true, last4: 'WXYZ' },
        }),
        expect.objectContaining({
          emailAddress: 'support@contoso.test',
          isDefault: true,
          folder: 'Service Desk',
          afterProcessing: 'move',
          moveToFolder: 'Processed',
        }),
      ]),
    );

    // The demo mailbox has no folder "Service Desk": the Default account's Test connection says so in step 4.
    await session.page.getByRole('tab', { name: 'Setup checklist' }).click();
    await session.page.getByText('5 of 7 steps done').waitFor();
    await session.page.getByText(/To do: Test connection: .*Service Desk/).waitFor();
  });

  it('adds a note type and renames it', async () => {
    await session.page.getByRole('tab', { name: 'General › Type' }).click();
    await session.page.getByText('PUBLIC is set up').waitFor();
    await session.page.getByRole('button', { name: 'Add note type' }).click();
    const dialog = session.page.getByRole('dialog', { name: 'Add a note type' });
    await dialog.getByRole('textbox', { name: 'Code' }).fill('billing');
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Billing');
    await dialog.getByRole('radio', { name: /^Agent:/ }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await session.page.getByRole('row', { name: /BILLING/ }).waitFor();

    await session.page.getByRole('button', { name: 'Edit BILLING' }).click();
    const edit = session.page.getByRole('dialog', { name: 'Edit note type BILLING' });
    await edit.getByRole('textbox', { name: 'Name' }).fill('Billing questions');
    await edit.getByRole('button', { name: 'Save' }).click();
    await session.page.getByRole('row', { name: /BILLING\s*Billing questions\s*Agent/ }).waitFor();
    expect(session.problems).toEqual([]);
  });

  // Last: it ends the session. Tokens expire while a tab stays open; the API's 401 must not leave a broken session.page.
  it('sends the user back to sign-in, saying why, when the API refuses the token', async () => {
    await session.page.route(
      /\/api\/requests\?/,
      (route) =>
        route.fulfill({
          status: 401,
          json: {
            error: {
              code: 'unauthenticated',
              message: 'The access token has expired; sign in again.',
              requestId: 'e2e',
            },
          },
        }),
      { times: 1 },
    );
    await session.page.getByRole('tab', { name: 'Service requests' }).click();
    await session.page.getByRole('heading', { name: 'Sign in as a demo user' }).waitFor();
    await session.page
      .getByText('You were signed out: The access token has expired; sign in again.')
      .waitFor();
    expect(
      await session.page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.includes('token'))),
    ).toEqual([]);
  });
});
