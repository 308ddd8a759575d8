import { beforeEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { emailFor, recordMailCenterItem } from '../integration/addin/addin-fixtures.js';
import { damagedReply } from './addin-fixture-message.js';
import { blockOfficeJs, selectOutlookMessage } from './addin-office-stub.js';
import { PANE, addinPaneForFile, type AddinDesk } from './support/addin-pane.js';
import { seriousAxeViolations } from './support/axe.js';
import { newPage } from './support/browser.js';
import { saveScreenshot } from './support/screenshots.js';

// The task pane in headless Chromium with office.js answered by a stub (docs/platform-behaviour.md §2.4), against the API serving
// the built add-in. Outlook's legacy SSO hands the pane a token for the agent the test chooses. What the pane says
// when something fails: addin-task-pane-errors.test.ts.

const pane = addinPaneForFile();
const { openPane } = pane;

describe('outside Outlook', () => {
  it('says to open the pane in Outlook when office.js finds no host', async () => {
    const { page, problems } = await openPane({ host: null, mailboxOwner: '' });
    await page.getByRole('heading', { name: 'Open this in Outlook' }).waitFor();
    expect(await page.getByText('This page was opened in a browser, outside Outlook.').isVisible()).toBe(
      true,
    );
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'addin-not-in-outlook');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('says so when office.js cannot load at all', async () => {
    const { page } = await newPage(pane.browser, { viewport: PANE });
    await blockOfficeJs(page);
    await page.goto(pane.server.paneUrl);
    await page.getByRole('heading', { name: 'Open this in Outlook' }).waitFor();
    expect(await page.getByText(/Office's script did not load/).isVisible()).toBe(true);
    await page.context().close();
  });
});

describe('in Outlook', () => {
  let sr: AddinDesk['sr'];
  let markerLine: string;

  beforeEach(async () => {
    ({ sr, markerLine } = await pane.desk());
  });

  const { agentFixture } = pane;

  it('suggests the SR of the damaged marker first, with the reason', async () => {
    const { page, problems } = await openPane(await agentFixture());
    await page.getByText('Not filed yet').waitFor();
    expect(
      await page
        .getByText(
          `Its reply marker for ${sr.battery.number} was damaged, so it could not be filed automatically.`,
        )
        .isVisible(),
    ).toBe(true);
    const options = page.getByRole('radiogroup', { name: 'Service Request' }).getByRole('radio');
    expect(await options.count()).toBe(3);
    const first = page.locator('[data-suggestion]').first();
    expect(await first.getAttribute('data-suggestion')).toBe(sr.battery.number);
    expect(await first.textContent()).toContain(`quoted marker ${sr.battery.number} (check failed)`);
    expect(await options.first().isChecked()).toBe(true);
    await page.getByRole('button', { name: `File as reply on ${sr.battery.number}` }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'addin-damaged-marker-suggestions');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  const get = async (path: string) =>
    (
      await request(pane.server.api.app)
        .get(path)
        .auth(await pane.server.api.agent(), { type: 'bearer' })
        .expect(200)
    ).body;

  it('files the email with the ticked attachments, refuses a second filing, and moves it to another SR only after confirming', async () => {
    const fixture = await agentFixture(damagedReply(markerLine, '<flow-1@mail.fabrikam.test>'));
    // Two agents with the pane open on the same email in the shared mailbox.
    const [first, second] = [await openPane(fixture), await openPane(fixture)];
    await Promise.all([
      first.page.getByText('Not filed yet').waitFor(),
      second.page.getByText('Not filed yet').waitFor(),
    ]);

    const { page } = first;
    expect(await page.getByRole('checkbox', { name: /battery-report\.pdf/ }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: /image001\.png/ }).isChecked()).toBe(false);
    await page.getByRole('checkbox', { name: /photo\.jpg/ }).uncheck();
    await page.getByRole('button', { name: `File as reply on ${sr.battery.number}` }).click();
    await page
      .getByText(
        `The email is a PUBLIC note on ${sr.battery.number} with 1 attachment in "Other". Status: New → Customer Replied.`,
      )
      .waitFor();
    await page.locator('[data-standing="filed"]').waitFor();
    const filed = (await get(`/api/requests/${sr.battery.number}/notes`)).items.filter(
      (n: { email?: { internetMessageId?: string } }) =>
        n.email?.internetMessageId === '<flow-1@mail.fabrikam.test>',
    );
    expect(filed).toHaveLength(1);
    const stored = (await get(`/api/requests/${sr.battery.number}/attachments`)).items.filter(
      (a: { noteId?: string }) => a.noteId === filed[0].id,
    );
    expect(stored.map((a: { fileName: string; folder: string }) => [a.fileName, a.folder])).toEqual([
      ['battery-report.pdf', 'Other'],
    ]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'addin-filed');

    await second.page.getByRole('button', { name: `File as reply on ${sr.battery.number}` }).click();
    await second.page.getByText(`This email is already on ${sr.battery.number}.`).waitFor();
    expect(await second.page.getByText('The email was not filed').isVisible()).toBe(true);
    // The stale pane catches up: it now shows where the email is, and who filed it.
    await second.page
      .locator('[data-standing="filed"]')
      .getByText(/by alex$/)
      .waitFor();
    await saveScreenshot(second.page, 'addin-already-filed');

    // Filed: the pane says where, and offers no other SR as its main action; moving is a correction on the side.
    expect(await page.getByRole('radiogroup', { name: 'Service Request' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^(File as reply|Move from|Move to SR)/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Move to another SR…' }).click();
    expect(await page.getByRole('radio', { checked: true }).count()).toBe(0);
    await page.getByRole('radio', { name: new RegExp(`^${sr.printer.number} · `) }).check();
    await page.getByRole('button', { name: `Move to ${sr.printer.number}…` }).click();
    const confirm = page.getByRole('alertdialog', {
      name: `Move this email from ${sr.battery.number} to ${sr.printer.number}?`,
    });
    await confirm.getByText(`It is filed on ${sr.battery.number} · `).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'addin-move-confirmation');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(
      (await get(`/api/requests/${sr.battery.number}/notes`)).items.map((n: { id: string }) => n.id),
    ).toContain(filed[0].id);
    await page.getByRole('button', { name: `Move to ${sr.printer.number}…` }).click();
    await confirm.getByRole('button', { name: `Move to ${sr.printer.number}` }).click();
    await page
      .getByText(
        `The note moved from ${sr.battery.number} to ${sr.printer.number}; both histories record the move.`,
      )
      .waitFor();
    await page.getByRole('link', { name: new RegExp(`${sr.printer.number} · Printer`) }).waitFor();
    const moved = (await get(`/api/requests/${sr.printer.number}/notes`)).items.map(
      (n: { id: string }) => n.id,
    );
    expect(moved).toContain(filed[0].id);
    for (const number of [sr.battery.number, sr.printer.number]) {
      const kinds = (await get(`/api/requests/${number}/history`)).items.map((h: { kind: string }) => h.kind);
      expect(kinds).toContain('note-moved');
    }
    await saveScreenshot(page, 'addin-moved');
    expect([...first.problems, ...second.problems.filter((p) => !p.includes('409'))]).toEqual([]);
    await page.context().close();
    await second.page.context().close();
  });

  it("links the email's Mail Center item to the chosen SR", async () => {
    const message = damagedReply(markerLine, '<flow-mc@mail.fabrikam.test>');
    const item = await recordMailCenterItem(
      pane.server.api,
      emailFor({ internetMessageId: message.internetMessageId, subject: message.subject }),
    );
    const { page } = await openPane(await agentFixture(message));
    await page.getByText('In the Mail Center').waitFor();
    expect(
      await page
        .getByText(
          'Its reply marker was damaged or not made by this desk, so it was not filed automatically.',
        )
        .isVisible(),
    ).toBe(true);
    await saveScreenshot(page, 'addin-mail-center');
    await page.getByRole('button', { name: `Link the Mail Center item to ${sr.battery.number}` }).click();
    await page.getByText('Linked', { exact: true }).waitFor();
    const resolved = await pane.server.api.services.store.read((tx) =>
      tx.collection('mailCenter').get(item.id),
    );
    expect(resolved).toMatchObject({ state: 'linked', resolution: { requestId: sr.battery.id } });
    await page.context().close();
  });

  it('follows the agent to the next email when the pane is pinned', async () => {
    const { page, problems } = await openPane(
      await agentFixture(damagedReply(markerLine, '<pinned-1@mail.fabrikam.test>')),
    );
    await page.locator(`[data-suggestion="${sr.battery.number}"]`).waitFor();
    const next = {
      ...damagedReply('', '<pinned-2@mail.fabrikam.test>'),
      subject: `RE: [${sr.printer.number}] paper jam`,
      html: '<p>Jammed again.</p>',
      text: 'Jammed again.',
      attachments: [],
    };
    await selectOutlookMessage(page, next);
    await page.getByText(`RE: [${sr.printer.number}] paper jam`).waitFor();
    await page.getByRole('button', { name: `File as reply on ${sr.printer.number}` }).waitFor();
    expect(await page.locator('[data-suggestion]').first().textContent()).toContain(
      `${sr.printer.number} in the subject`,
    );
    expect(await page.getByText('This email has no attachments.').isVisible()).toBe(true);
    await selectOutlookMessage(page, null);
    await page.getByText('Open an email to file it on a Service Request.').waitFor();
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
