import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { signedInSession } from './support/signed-in-session.js';

// An admin's day in a plain browser, demo mode: sign in with the emulator, find and work an SR. Each step checks what
// a person would see, after the API confirmed it. Configuring the desk: tab-standalone-admin.test.ts.

const session = signedInSession('admin@contoso.test');

const grid = () => session.page.getByRole('grid', { name: 'Service requests' });
const rowNumbers = () => grid().getByRole('link').allTextContents();

describe('the tab in a browser, signed in as the demo admin', () => {
  it('lists the seeded SRs, searches and sorts them on the server', async () => {
    await grid().getByRole('link', { name: 'SR-000003' }).waitFor();
    expect(await rowNumbers()).toEqual(['SR-000003', 'SR-000002', 'SR-000001']);

    await session.page.getByRole('searchbox').fill('printer');
    await session.page.waitForURL(/q=printer/);
    await session.page.waitForFunction(
      () => document.querySelectorAll('[role="grid"] [role="row"]').length === 2,
    );
    expect(await rowNumbers()).toEqual(['SR-000003']);

    await session.page.getByRole('searchbox').fill('');
    await session.page.waitForURL((url) => !url.hash.includes('q='));
    await session.page.getByRole('columnheader', { name: 'Title' }).click();
    await session.page.waitForURL(/sort=title&order=asc/);
    await session.page.waitForFunction(
      () => document.querySelector('[role="grid"] [role="row"]:nth-child(1) a')?.textContent === 'SR-000001',
    );
    expect(await rowNumbers()).toEqual(['SR-000001', 'SR-000002', 'SR-000003']);
  });

  it('filters by status and by "has new email reply", and says what to do when nothing matches', async () => {
    await session.page.getByRole('combobox', { name: 'Status' }).click();
    // A multi-select Fluent combobox lists its options as menuitemcheckbox.
    await session.page.getByRole('menuitemcheckbox', { name: 'Open' }).click();
    await session.page.keyboard.press('Escape');
    await session.page.waitForURL(/status=Open/);
    await session.page.waitForFunction(
      () => document.querySelectorAll('[role="grid"] [role="row"]').length === 2,
    );
    expect(await rowNumbers()).toEqual(['SR-000002']);

    await session.page.getByRole('checkbox', { name: 'Has new email reply' }).check();
    await session.page.getByText('No service requests match these filters').waitFor();
    await session.page.getByRole('button', { name: 'Clear filters' }).click();
    await session.page.waitForFunction(
      () => document.querySelectorAll('[role="grid"] [role="row"]').length === 4,
    );
    expect(await session.page.getByRole('combobox', { name: 'Status' }).inputValue()).toBe('');
  });

  it('creates an SR with the dialog and opens it', async () => {
    await session.page.getByRole('button', { name: 'New service request' }).click();
    const dialog = session.page.getByRole('dialog', { name: 'New service request' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill('VPN drops every hour');
    await dialog.getByRole('textbox', { name: 'Requester name' }).fill('Lee Gu');
    await dialog.getByRole('textbox', { name: 'Requester email' }).fill('lee@fabrikam.test');
    await dialog.getByRole('textbox', { name: 'Participants' }).fill('it@fabrikam.test');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await session.page.getByRole('heading', { level: 1, name: /SR-000004.*VPN drops every hour/ }).waitFor();
    await session.page.getByRole('button', { name: 'it@fabrikam.test', exact: true }).waitFor();
    const created = await (
      await fetch(`${session.stack.url}/api/requests/SR-000004`, {
        headers: { authorization: `Bearer ${await session.stack.tokenFor('admin@contoso.test')}` },
      })
    ).json();
    expect(created).toMatchObject({
      title: 'VPN drops every hour',
      requester: { email: 'lee@fabrikam.test' },
      assignee: { email: 'admin@contoso.test' },
      participants: ['it@fabrikam.test'],
    });
  });

  it('pages through the list with the page in the address, so Back returns to it; a page size can be chosen', async () => {
    const token = await session.stack.tokenFor('admin@contoso.test');
    for (let i = 1; i <= 27; i += 1) {
      const res = await fetch(`${session.stack.url}/api/requests`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          title: `Bulk request ${i}`,
          requester: { name: 'Bulk', email: 'bulk@fabrikam.test' },
        }),
      });
      expect(res.status).toBe(201);
    }
    await session.page.getByRole('tab', { name: 'Service requests' }).click();
    await session.page.getByRole('searchbox').fill('bulk request');
    await session.page.getByText('1–25 of 27').waitFor();
    await session.page.getByRole('button', { name: 'Next' }).click();
    await session.page.getByText('26–27 of 27').waitFor();
    expect(await rowNumbers()).toHaveLength(2);
    expect(session.page.url()).toContain('page=2');
  });

  it('opens an SR with Enter on its row, comes Back to the same page, changes the page size, and / focuses the search', async () => {
    // Opening an SR with Enter on its row and coming back lands on session.page 2 again.
    await grid().getByRole('row').nth(1).getByRole('gridcell').nth(1).focus();
    await session.page.keyboard.press('Enter');
    await session.page.getByRole('heading', { level: 1, name: /Bulk request/ }).waitFor();
    await session.page.goBack();
    await session.page.getByText('26–27 of 27').waitFor();
    await session.page.getByRole('button', { name: 'Previous' }).click();
    await session.page.getByText('1–25 of 27').waitFor();
    await session.page.getByRole('combobox', { name: 'Page size' }).click();
    await session.page.getByRole('option', { name: '10 rows' }).click();
    await session.page.getByText('1–10 of 27').waitFor();
    expect(await rowNumbers()).toHaveLength(10);
    // "/" jumps to the search box from anywhere on the session.page.
    await session.page.locator('main').click({ position: { x: 5, y: 5 } });
    await session.page.keyboard.press('/');
    expect(await session.page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe(
      'search',
    );
    await session.page.getByRole('combobox', { name: 'Page size' }).click();
    await session.page.getByRole('option', { name: '25 rows' }).click();
    await session.page.getByRole('searchbox').fill('');
    await session.page.waitForURL((url) => !url.hash.includes('q='));
  });

  it('opens an SR, adds a note, changes its status, assignee and participants', async () => {
    await session.page.getByRole('searchbox').fill('wi-fi');
    await grid().getByRole('link', { name: 'SR-000001' }).focus();
    await session.page.keyboard.press('Enter');
    await session.page.getByRole('heading', { level: 1, name: /SR-000001.*Wi-Fi/ }).waitFor();

    await session.page.getByRole('tab', { name: 'Internal note' }).click();
    await session.page
      .getByRole('textbox', { name: 'Internal note' })
      .fill('We reset the access point; please try again.');
    await session.page.getByRole('button', { name: 'Add internal note' }).click();
    await session.page
      .frameLocator('iframe[title="Note from Megan Bowen (Admin)"]')
      .getByText('We reset the access point; please try again.')
      .waitFor();
    await session.page.getByText('Internal note added by Megan Bowen (Admin)').waitFor();

    await session.page.getByRole('combobox', { name: 'Status' }).click();
    await session.page.getByRole('option', { name: 'Open' }).click();
    await session.page.getByText('Status changed from Awaiting Customer to Open').waitFor();

    await session.page.getByRole('button', { name: 'Change' }).click();
    await session.page.getByRole('menuitem', { name: 'Assign to me' }).click();
    await session.page.getByText('Assigned to Megan Bowen (Admin)').first().waitFor();
    await session.page.getByRole('textbox', { name: 'Add participant' }).fill('lee@fabrikam.test');
    await session.page.getByRole('textbox', { name: 'Add participant' }).press('Enter');
    await session.page.getByRole('button', { name: 'lee@fabrikam.test', exact: true }).waitFor();
    await session.page.getByRole('button', { name: 'Remove adele@fabrikam.test' }).click();
    await session.page
      .getByRole('button', { name: 'adele@fabrikam.test', exact: true })
      .waitFor({ state: 'detached' });

    const stored = await (
      await fetch(`${session.stack.url}/api/requests/SR-000001`, {
        headers: { authorization: `Bearer ${await session.stack.tokenFor('admin@contoso.test')}` },
      })
    ).json();
    expect(stored).toMatchObject({
      status: 'Open',
      assignee: { email: 'admin@contoso.test' },
      participants: ['lee@fabrikam.test'],
    });
  });

  it('uploads an attachment into a folder and downloads it again', async () => {
    const content = 'netsh wlan show interfaces\nState: disconnected\n';
    await session.page.getByRole('combobox', { name: 'Folder' }).click();
    await session.page.getByRole('option', { name: 'Other' }).click();
    await session.page
      .getByLabel('File to upload')
      .setInputFiles({ name: 'wifi-log.txt', mimeType: 'text/plain', buffer: Buffer.from(content) });
    const folder = session.page.getByRole('group', { name: 'Folder Other' });
    await folder.getByText('wifi-log.txt').waitFor();

    const [download] = await Promise.all([
      session.page.waitForEvent('download'),
      folder.getByRole('button', { name: 'Download wifi-log.txt' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('wifi-log.txt');
    expect(await readFile(await download.path(), 'utf8')).toBe(content);
    // The browser said nothing wrong along the way (the admin half checks the same in tab-standalone-admin.test.ts).
    expect(session.problems).toEqual([]);
  });
});
