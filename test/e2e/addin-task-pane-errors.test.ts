import { beforeEach, describe, expect, it } from 'vitest';
import { damagedReply } from './addin-fixture-message.js';
import { installOfficeStub } from './addin-office-stub.js';
import { PANE, addinPaneForFile } from './support/addin-pane.js';
import { seriousAxeViolations } from './support/axe.js';
import { newPage } from './support/browser.js';
import { saveScreenshot } from './support/screenshots.js';

// What the task pane says when it cannot do its job: no desk role, no Office sign-in, the API refusing or unreachable.

const pane = addinPaneForFile();
const { openPane } = pane;

describe('in Outlook', () => {
  let markerLine: string;

  beforeEach(async () => {
    ({ markerLine } = await pane.desk());
  });

  const { agentFixture } = pane;

  it('an agent without the desk role is told what is missing and who can fix it', async () => {
    const { page } = await openPane({
      ...(await agentFixture()),
      token: await pane.server.api.token({ roles: [], upn: 'casey@contoso.test' }),
    });
    await page.getByText('You are not a service desk agent').waitFor();
    expect(await page.getByText(/signed in as casey \(casey@contoso\.test\)/).isVisible()).toBe(true);
    expect(await page.getByText(/needs the ServiceDesk\.Agent role/).isVisible()).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'addin-no-role');
    await page.context().close();
  });

  it('shows why Outlook could not sign the agent in', async () => {
    const { page } = await openPane({
      ...(await agentFixture()),
      token: undefined,
      tokenError: { code: 13001, message: 'not signed in' },
    });
    await page.getByText('Service Messaging could not start').waitFor();
    expect(await page.getByText(/Sign in to Office first/).isVisible()).toBe(true);
    await page.context().close();
  });

  it('shows what the API refused, in words, with the request id', async () => {
    const { page } = await openPane(
      await agentFixture(damagedReply(markerLine, '<flow-error@mail.fabrikam.test>')),
    );
    await page.getByText('Not filed yet').waitFor();
    await page.getByRole('radio', { name: 'Another SR' }).check();
    await page.getByRole('textbox', { name: 'SR number' }).fill('999');
    await page.getByRole('button', { name: 'File as reply on SR-000999' }).click();
    await page.getByText('Service Request SR-000999 does not exist.').waitFor();
    expect(await page.getByText(/Request id: \S+/).isVisible()).toBe(true);
    await saveScreenshot(page, 'addin-api-error');
    await page.context().close();
  });

  it('says when the API cannot be reached', async () => {
    const { page } = await newPage(pane.browser, { viewport: PANE });
    await installOfficeStub(
      page,
      await agentFixture(damagedReply(markerLine, '<flow-offline@mail.fabrikam.test>')),
    );
    await page.route('**/api/addin/**', (route) => route.abort('connectionrefused'));
    await page.goto(pane.server.paneUrl);
    await page.getByText('Service Messaging could not look this email up').waitFor();
    expect(
      await page
        .getByText('The Service Messaging API could not be reached. Check your connection and try again.')
        .isVisible(),
    ).toBe(true);
    await page.context().close();
  });
});
