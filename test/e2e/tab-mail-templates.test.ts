import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './support/axe.js';
import { saveScreenshot } from './support/screenshots.js';
import { signedInSession } from './support/signed-in-session.js';

// Administration > Mail > Templates in a browser: the admin edits the agents' template, sees the API's own
// validation messages next to the field, restores the example reply text and previews against a real SR.

const session = signedInSession('admin@contoso.test');

const replyText = () => session.page.getByRole('textbox', { name: 'Reply text' });

describe('the mail template editor, signed in as the demo admin', () => {
  it('lists the seeded templates and opens one with its placeholders and a live preview', async () => {
    await session.page.getByRole('tab', { name: 'Administration' }).click();
    await session.page.getByRole('tab', { name: 'Mail › Templates' }).click();
    const table = session.page.getByRole('table', { name: 'Mail templates' });
    await table.getByRole('link', { name: 'Reply to customer' }).click();
    await session.page.getByRole('heading', { level: 1, name: 'Reply to customer' }).waitFor();
    await session.page
      .getByRole('list', { name: 'Placeholders' })
      .getByRole('button', { name: '#SR_ID#' })
      .waitFor();

    await session.page
      .getByRole('list', { name: 'Placeholders' })
      .getByRole('button', { name: '#SR_ID#' })
      .click();
    expect(await session.page.getByRole('textbox', { name: 'Body (HTML)' }).inputValue()).toMatch(/#SR_ID#$/);
    await session.page
      .frameLocator('iframe[title="Live preview of the body"]')
      .getByText('#SR_ID#')
      .waitFor();
  });

  it("shows the API's message at the reply text when the marker is missing, and Set Example text restores it", async () => {
    await replyText().fill('Please reply above');
    await session.page.getByRole('button', { name: 'Save' }).click();
    await session.page.getByText('The template was not saved').waitFor();
    // Fluent's Field shows the message under the field and ties it to the input (aria-describedby).
    const describedBy = (await replyText().getAttribute('aria-describedby')) ?? '';
    const message = await session.page.evaluate(
      (ids) =>
        ids
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' '),
      describedBy,
    );
    expect(message).toMatch(/^Reply text: /);
    expect(await seriousAxeViolations(session.page)).toEqual([]);

    await session.page.getByRole('button', { name: 'Set Example text' }).click();
    expect(await replyText().inputValue()).toContain('#EC_ID#');
    await session.page.getByRole('button', { name: 'Save' }).click();
    await session.page.getByRole('heading', { level: 1, name: 'Mail templates' }).waitFor();
  });

  it('renders the saved template against an SR, with a sample token in the reply line', async () => {
    await session.page
      .getByRole('table', { name: 'Mail templates' })
      .getByRole('link', { name: 'Reply to customer' })
      .click();
    await session.page.getByRole('button', { name: 'Render' }).click();
    const rendered = session.page.frameLocator('iframe[title="The email as it would be sent"]');
    await rendered.getByText(/Please type your reply above this line -## \[SR-000001-/).waitFor();
    await rendered.getByText('Dear Diego Siciliani,').waitFor();
  });

  it('looks right in light and dark (screenshots in test-results/screenshots/)', async () => {
    for (const theme of ['light', 'dark'] as const) {
      await session.page.emulateMedia({ colorScheme: theme });
      await session.page.waitForFunction((t) => document.documentElement.dataset.theme === t, theme);
      await session.page.evaluate(() => (window.location.hash = '#/admin/templates'));
      await session.page.getByRole('table', { name: 'Mail templates' }).waitFor();
      await session.page.waitForFunction(() => !document.querySelector('.fui-Toast'));
      expect(await seriousAxeViolations(session.page), `${theme} list`).toEqual([]);
      await saveScreenshot(session.page, `mail-templates-${theme}`);
      await session.page
        .getByRole('table', { name: 'Mail templates' })
        .getByRole('link', { name: 'Request received' })
        .click();
      await session.page.getByRole('heading', { level: 1, name: 'Request received' }).waitFor();
      expect(await seriousAxeViolations(session.page), `${theme} editor`).toEqual([]);
      await saveScreenshot(session.page, `mail-template-editor-${theme}`);
    }
  });
});
