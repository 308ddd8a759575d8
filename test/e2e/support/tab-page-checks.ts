import type { Page } from 'playwright-core';
import { expect } from 'vitest';

// Every page and dialog of the tab, in the order the theme walk visits them.

/**
 * A page or dialog: `open` gets there from where the previous check left the tab, `close` leaves a dialog. Pages with
 * `contrast` are pictured in high contrast too; their `open` gets there from anywhere.
 */
export type PageCheck = {
  name: string;
  contrast?: true;
  open(page: Page): Promise<void>;
  close?(page: Page): Promise<void>;
};

const go = (page: Page, hash: string) => page.evaluate((h) => (window.location.hash = h), hash);

/** The checks; `accountId` names the mail account the account page opens (known once the desk is set up). */
export function tabPageChecks(accountId: () => string): PageCheck[] {
  return [
    {
      name: 'requests',
      open: async (page) => {
        await go(page, '#/requests');
        await page
          .getByRole('grid', { name: 'Service requests' })
          .getByRole('link', { name: 'SR-000001' })
          .waitFor();
      },
    },
    {
      name: 'new-request-dialog',
      open: async (page) => {
        await page.getByRole('button', { name: 'New service request' }).click();
        const dialog = page.getByRole('dialog', { name: 'New service request' });
        await dialog.waitFor();
        // Focus moves into the dialog (and stays there) so keyboard users start at its first field.
        expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
      },
      close: async (page) => {
        await page.keyboard.press('Escape');
        await page.getByRole('dialog').waitFor({ state: 'detached' });
        // Closing the dialog gives focus back to the button that opened it.
        expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('New service request');
      },
    },
    {
      name: 'request-detail',
      open: async (page) => {
        await go(page, '#/requests/SR-000001');
        await page
          .frameLocator('iframe[title="Note from Diego Siciliani"]')
          .getByText('the laptop is online again')
          .waitFor();
        await page.getByRole('group', { name: 'Folder Other' }).getByText('ipconfig.txt').waitFor();
        await page.getByRole('button', { name: 'Show quoted text' }).click();
        await page
          .frameLocator('iframe[title="Quoted text of the email from Diego Siciliani"]')
          .getByText('On Monday')
          .waitFor();
      },
    },
    {
      name: 'view-original-dialog',
      open: async (page) => {
        await page.getByRole('button', { name: 'View original of the email from Diego Siciliani' }).click();
        await page
          .frameLocator('iframe[title^="Original email: RE: Laptop will not connect"]')
          .getByText('the laptop is online again')
          .waitFor();
      },
      close: async (page) => {
        await page
          .getByRole('dialog', { name: 'Original email' })
          .getByRole('button', { name: 'Close' })
          .click();
        await page.getByRole('dialog').waitFor({ state: 'detached' });
      },
    },
    {
      name: 'send-email-dialog',
      open: async (page) => {
        await page.getByRole('button', { name: 'Send email' }).click();
        const dialog = page.getByRole('dialog', { name: 'Send email about SR-000001' });
        await dialog
          .frameLocator('iframe[title="Email preview"]')
          .getByText(/Please type your reply above this line -## \[SR-000001-/)
          .waitFor();
      },
      close: async (page) => {
        await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
        await page.getByRole('dialog').waitFor({ state: 'detached' });
      },
    },
    {
      name: 'mail-center',
      open: async (page) => {
        await go(page, '#/mail-center');
        await page
          .getByRole('table', { name: 'Mail Center items' })
          .getByRole('link', { name: 'Projector in meeting room 4 flickers' })
          .waitFor();
      },
    },
    {
      name: 'mail-center-item',
      open: async (page) => {
        await page
          .getByRole('table', { name: 'Mail Center items' })
          .getByRole('link', { name: 'Projector in meeting room 4 flickers' })
          .click();
        // The reason comes first in words; the evidence is folded below it, and the whole email is in its frame.
        await page.getByRole('button', { name: /^Show the evidence/ }).click();
        await page.getByRole('list', { name: 'Evidence' }).getByRole('listitem').first().waitFor();
        await page.frameLocator('iframe[title^="Email from"]').locator('body').waitFor();
        await page.getByRole('combobox', { name: 'Service request' }).waitFor();
      },
    },
    {
      name: 'admin-setup',
      contrast: true,
      open: async (page) => {
        await go(page, '#/admin/setup');
        await page.getByText(/\d of 7 steps done/).waitFor();
      },
    },
    {
      name: 'admin-accounts',
      open: async (page) => {
        await go(page, '#/admin/accounts');
        await page.getByRole('row', { name: /support@contoso\.test/ }).waitFor();
      },
    },
    {
      name: 'admin-account-edit',
      contrast: true,
      open: async (page) => {
        await go(page, `#/admin/accounts/${accountId()}`);
        await page.getByRole('heading', { level: 1, name: 'support@contoso.test' }).waitFor();
        await page.getByRole('region', { name: 'Health' }).getByText('Last 24 hours').waitFor();
      },
    },
    {
      name: 'admin-default-change-dialog',
      contrast: true,
      open: async (page) => {
        await go(page, '#/admin/accounts/new');
        await page.getByRole('textbox', { name: 'Email', exact: true }).fill('billing@contoso.test');
        await page.getByRole('switch', { name: 'Default' }).check();
        await page.getByRole('button', { name: 'Save' }).click();
        await page
          .getByRole('alertdialog', { name: 'Make billing@contoso.test the Default account?' })
          .waitFor();
      },
      close: async (page) => {
        await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
        await page.getByRole('alertdialog').waitFor({ state: 'detached' });
      },
    },
    {
      name: 'admin-templates',
      open: async (page) => {
        await go(page, '#/admin/templates');
        await page
          .getByRole('table', { name: 'Mail templates' })
          .getByRole('link', { name: 'Reply to customer' })
          .waitFor();
      },
    },
    {
      name: 'admin-template-editor',
      open: async (page) => {
        await page
          .getByRole('table', { name: 'Mail templates' })
          .getByRole('link', { name: 'Reply to customer' })
          .click();
        await page
          .getByRole('list', { name: 'Placeholders' })
          .getByRole('button', { name: '#SR_ID#' })
          .waitFor();
        await page.frameLocator('iframe[title="Live preview of the body"]').locator('body').waitFor();
      },
    },
    {
      name: 'admin-note-types',
      open: async (page) => {
        await go(page, '#/admin/note-types');
        await page.getByText('PUBLIC is set up').waitFor();
      },
    },
    {
      name: 'admin-service-messaging',
      open: async (page) => {
        await go(page, '#/admin/service-messaging');
        await page.getByRole('heading', { name: 'Status when a reply arrives' }).waitFor();
        await page.getByRole('heading', { name: 'Rate limits' }).waitFor();
      },
    },
    {
      name: 'admin-rules',
      open: async (page) => {
        await go(page, '#/admin/rules');
        await page
          .getByRole('table', { name: 'Rules' })
          .getByRole('row', { name: /Acknowledge new requests/ })
          .waitFor();
      },
    },
    {
      name: 'admin-rule-dialog',
      open: async (page) => {
        await page.getByRole('button', { name: 'Add rule' }).click();
        await page
          .getByRole('dialog', { name: 'Add a rule' })
          .getByRole('combobox', { name: 'Send the template' })
          .waitFor();
      },
      close: async (page) => {
        await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
        await page.getByRole('dialog').waitFor({ state: 'detached' });
      },
    },
    {
      name: 'admin-rule-dialog-errors',
      contrast: true,
      open: async (page) => {
        await go(page, '#/admin/rules');
        await page.getByRole('button', { name: 'Add rule' }).click();
        const dialog = page.getByRole('dialog', { name: 'Add a rule' });
        await dialog.getByRole('button', { name: 'Save' }).click();
        await dialog
          .getByRole('textbox', { name: 'Name' })
          .and(dialog.locator('[aria-invalid="true"]'))
          .waitFor();
      },
      close: async (page) => {
        await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
        await page.getByRole('dialog').waitFor({ state: 'detached' });
      },
    },
  ];
}
