import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs } from './support/api-as.js';
import { seriousAxeViolations } from './support/axe.js';
import {
  isSentByHand,
  replyToDesk,
  sentItems,
  waitForSent,
  type SentMessage,
} from './support/desk-mailbox.js';
import { saveScreenshot } from './support/screenshots.js';
import { signedInSession } from './support/signed-in-session.js';

// The SR as an agent works it: the conversation, the composer's two modes, and screens that follow the engine and
// other agents without a reload; a customer's Outlook reply readable in the dark and high-contrast themes.

const session = signedInSession('agent@contoso.test');
const page = () => session.page;
const otherAgent = () => apiAs(session.stack, 'admin@contoso.test');
const composer = () => page().locator('[data-mode]');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let ourReply: SentMessage;

/** Marks the document: a reload (or a navigation) loses the mark, so a later check proves the page was not reloaded. */
const markDocument = () =>
  page().evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
const isSameDocument = () =>
  page().evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere === true);

describe('the conversation view', () => {
  it('replies to the customer with typed text and a template snippet; the reply is emailed and kept as a PUBLIC note', async () => {
    await page().getByRole('button', { name: 'Signed in as Alex Wilber (Agent)' }).waitFor();
    await page().evaluate(() => (window.location.hash = '#/requests/SR-000002'));
    await page()
      .getByRole('heading', { level: 1, name: /SR-000002/ })
      .waitFor();
    const send = page().getByRole('button', { name: 'Send reply' });
    const editor = page().getByRole('textbox', { name: 'Reply to the customer' });
    await editor.waitFor();
    expect(await send.isDisabled(), 'an empty reply cannot be sent').toBe(true);

    await editor.fill('Your mailbox is ready; Teams follows tomorrow.');
    await page().getByRole('button', { name: 'Insert template' }).click();
    await page().getByRole('menuitem', { name: 'Reply to customer' }).click();
    await editor.getByText('Dear Adele Vance').waitFor();
    expect(await editor.innerText()).not.toMatch(/#[A-Z_]+#/);
    expect(await seriousAxeViolations(page())).toEqual([]);
    await send.click();

    const reply = page()
      .getByRole('article')
      .or(page().locator('.fui-Card'))
      .filter({ hasText: 'Emailed to the customer' });
    await reply.first().waitFor();
    ourReply = await waitForSent(
      session.stack,
      (sent) => sent.filter(isSentByHand).find((m) => m.subject?.includes('SR-000002')),
      'the reply about SR-000002',
    );
    expect(ourReply.body?.content).toContain('Your mailbox is ready; Teams follows tomorrow.');
    expect(ourReply.body?.content).toMatch(/##- Please type your reply above this line -##/);
    expect(await send.isDisabled(), 'the composer is empty again').toBe(true);
  });

  it('adds an internal note on a visibly different composer; it is never emailed', async () => {
    const replyBackground = await composer().evaluate((el) => getComputedStyle(el).backgroundColor);
    await page().getByRole('tab', { name: 'Internal note' }).click();
    await page().locator('[data-mode="internal"]').waitFor();
    expect(await composer().evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(replyBackground);
    await page().getByText('Only agents see this note. It never leaves the desk.').waitFor();
    const sentBefore = (await sentItems(session.stack)).length;

    // Admin-defined note types stay available for notes that are not emailed; PUBLIC is the reply tab's.
    const picker = page().getByRole('combobox', { name: 'Note type' });
    await expect.poll(() => picker.textContent()).toContain('(INTERNAL)');
    await picker.click();
    await page().getByRole('option').first().waitFor();
    const offered = await page().getByRole('option').allTextContents();
    expect(offered).toContainEqual(expect.stringContaining('(INTERNAL)'));
    expect(offered.some((text) => text.includes('(PUBLIC)'))).toBe(false);
    await page().keyboard.press('Escape');
    await page()
      .getByRole('textbox', { name: 'Internal note' })
      .fill('Checked with HR: Isaiah starts on Monday.');
    await page().getByRole('button', { name: 'Add internal note' }).click();
    await page()
      .frameLocator('iframe[title="Note from Alex Wilber (Agent)"] >> nth=-1')
      .getByText('Checked with HR')
      .waitFor();
    await page()
      .locator('.fui-Card')
      .filter({ hasText: 'Internal' })
      .filter({ has: page().locator('iframe') })
      .first()
      .waitFor();
    expect((await sentItems(session.stack)).length).toBe(sentBefore);
    await page().getByRole('tab', { name: 'Reply to customer' }).click();
  });

  it("shows the customer's reply and another agent's note without a reload", async () => {
    await markDocument();
    await replyToDesk(session.stack, ourReply, 'Thank you! Could Isaiah also get the finance share?');
    await page()
      .frameLocator('iframe[title^="Note from Adele"]')
      .getByText('Could Isaiah also get the finance share?')
      .waitFor({ timeout: 10_000 });
    await otherAgent()('/requests/SR-000002/notes', {
      json: { typeCode: 'INTERNAL', body: 'Finance share approved by Megan.' },
    });
    await page()
      .frameLocator('iframe[title="Note from Megan Bowen (Admin)"]')
      .getByText('Finance share approved')
      .waitFor({ timeout: 10_000 });
    expect(await isSameDocument(), 'the page was not reloaded').toBe(true);
  });

  it('updates the SR list without a reload when another agent changes an SR', async () => {
    await page().getByRole('link', { name: 'Service requests' }).first().click();
    const grid = page().getByRole('grid', { name: 'Service requests' });
    await grid.getByRole('link', { name: 'SR-000003' }).waitFor();
    await markDocument();
    await otherAgent()('/requests/SR-000003', {
      method: 'PATCH',
      json: { title: 'Printer on floor 3 prints blank pages (toner ordered)' },
    });
    await grid.getByText('(toner ordered)').waitFor({ timeout: 10_000 });
    expect(await isSameDocument()).toBe(true);
  });

  it('shows a reply that arrived after the SR was resolved, and reopens and files it in one click', async () => {
    await page().evaluate(() => (window.location.hash = '#/requests/SR-000002'));
    await page()
      .getByRole('heading', { level: 1, name: /SR-000002/ })
      .waitFor();
    await otherAgent()('/requests/SR-000002', { method: 'PATCH', json: { status: 'Resolved' } });
    await markDocument();
    await replyToDesk(session.stack, ourReply, 'One more thing: the finance share is still missing.');
    const banner = page()
      .getByRole('group', { name: 'Reply after closing' })
      .or(
        page().locator('.fui-MessageBar').filter({ hasText: 'A reply arrived after this SR was resolved' }),
      );
    await banner.getByText('A reply arrived after this SR was resolved').waitFor({ timeout: 10_000 });
    expect(await isSameDocument(), 'the banner arrived without a reload').toBe(true);
    expect(await banner.getByRole('link', { name: 'Open in Mail Center' }).getAttribute('href')).toMatch(
      /^#\/mail-center\//,
    );
    await page()
      .getByText(/A reply from Adele Vance <adele@fabrikam\.test> arrived after this SR was Resolved/)
      .waitFor();
    // The "Reply filed" toast fades out after a few seconds: checked mid-fade, its text is half transparent.
    await expect.poll(() => page().locator('[id^="toast-title"]').count(), { timeout: 20_000 }).toBe(0);
    expect(await seriousAxeViolations(page())).toEqual([]);
    await saveScreenshot(page(), 'conversation-held-reply-light');

    await banner.getByRole('button', { name: 'Reopen and file' }).click();
    await page()
      .frameLocator('iframe[title^="Note from Adele"] >> nth=-1')
      .getByText('the finance share is still missing')
      .waitFor();
    await banner.waitFor({ state: 'detached' });
    expect(
      await otherAgent()<{ status: string; hasHeldReply?: boolean }>('/requests/SR-000002'),
    ).toMatchObject({ status: 'Open' });
  });

  // One theme per test. axe checks the page around the frame here in light, and in light and dark in tab-pages.test.ts.
  it.each(['dark', 'contrast'] as const)(
    "keeps the customer's Outlook reply readable in the %s theme (axe inside the email frame)",
    async (theme) => {
      const frameTitle = 'iframe[title^="Note from Adele"] >> nth=0';
      if (theme === 'dark') {
        await page().evaluate(() => (window.location.hash = '#/requests/SR-000002'));
        await page().frameLocator(frameTitle).getByText('finance share').waitFor();
        await saveScreenshot(page(), 'conversation-light');
      }
      await page().emulateMedia(
        theme === 'contrast'
          ? { colorScheme: 'dark', forcedColors: 'active' }
          : { colorScheme: 'dark', forcedColors: 'none' },
      );
      await page().waitForFunction((name) => document.documentElement.dataset.theme === name, theme);
      const frame = await emailFrame(page(), frameTitle);
      expect(
        await frame.locator('[style*="color"]').count(),
        'Outlook writes color: rgb(0, 0, 0); the frame drops it on this theme',
      ).toBe(0);
      expect(await contrastViolations(page(), frame), theme).toEqual([]);
      await saveScreenshot(page(), `conversation-${theme}`);
      // axe over the whole page and a copy of the frame in a second page: slow on a loaded machine, so a longer bound.
    },
    60_000,
  );
});

async function emailFrame(page: Page, selector: string): Promise<Frame> {
  // The frame is rebuilt for the new theme; wait until the new document is in place.
  await page.frameLocator(selector).getByText('finance share').waitFor();
  const frame = await (await page.locator(selector).elementHandle())?.contentFrame();
  if (!frame) throw new Error(`No frame ${selector}`);
  return frame;
}

/**
 * axe's colour-contrast rule on the email's own document. The frame is sandboxed without scripts, so axe runs on a
 * copy of its document in a fresh page, painted on the card's background the frame sits on in the tab.
 */
async function contrastViolations(page: Page, frame: Frame): Promise<string[]> {
  const html = await frame.evaluate(() => document.documentElement.outerHTML).catch(() => undefined);
  const source = html ?? (await frame.content());
  const cardBackground = await page
    .locator('[data-mode]')
    .evaluate(
      (el) => getComputedStyle(el.closest('section')?.querySelector('.fui-Card') ?? el).backgroundColor,
    );
  const copy = await page.context().newPage();
  try {
    await copy.emulateMedia(
      await page.evaluate(() => ({
        colorScheme: matchMedia('(prefers-color-scheme: dark)').matches
          ? ('dark' as const)
          : ('light' as const),
        forcedColors: matchMedia('(forced-colors: active)').matches ? ('active' as const) : ('none' as const),
      })),
    );
    await copy.setContent(source.replace('<body', `<body data-card style="background:${cardBackground}"`));
    await copy.evaluate(axeSource);
    const violations = await copy.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run(
              context: object,
              options: object,
            ): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }>;
          };
        }
      ).axe;
      const result = await axe.run(document, { runOnly: ['color-contrast'], resultTypes: ['violations'] });
      return result.violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
      );
    });
    return violations;
  } finally {
    await copy.close();
  }
}
