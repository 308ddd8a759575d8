import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createRequest, damage, recordSentEmail } from '../../integration/addin/addin-fixtures.js';
import { damagedReply } from '../addin-fixture-message.js';
import { installOfficeStub, type OfficeFixture } from '../addin-office-stub.js';
import { startAddinServer, type AddinServer } from '../addin-server.js';
import { launchBrowser, newPage } from './browser.js';

// The task pane tests' world: the API serving the built add-in, a browser, and a pane opened the size Outlook gives it
// with office.js answered by a stub (docs/platform-behaviour.md §2.4).

export const PANE = { width: 420, height: 1000 };

type Sr = { id: number; number: string };
export type AddinDesk = { sr: { printer: Sr; battery: Sr }; markerLine: string };
type Message = ReturnType<typeof damagedReply>;

export type AddinPane = {
  server: AddinServer;
  browser: Browser;
  openPane(fixture: OfficeFixture): Promise<{ page: Page; problems: string[] }>;
  /** Two SRs, the battery one with a sent email whose marker line the reply damaged; made on the first call. */
  desk(): Promise<AddinDesk>;
  /** Outlook showing `message` (the damaged reply by default) to an agent with the desk role. */
  agentFixture(message?: Message): Promise<OfficeFixture>;
};

/** One API and one browser for a test file, started before its first test and closed after its last. */
export function addinPaneForFile(): AddinPane {
  let server: AddinServer | undefined;
  let browser: Browser | undefined;
  let made: AddinDesk | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startAddinServer(), launchBrowser()]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = (): { server: AddinServer; browser: Browser } => {
    if (!server || !browser) throw new Error('The add-in server starts in beforeAll; use it inside a test.');
    return { server, browser };
  };
  const desk = async (): Promise<AddinDesk> => {
    if (made) return made;
    const { api } = started().server;
    const printer = await createRequest(api, 'Printer on the 3rd floor keeps jamming');
    const battery = await createRequest(api, 'Laptop battery drains overnight');
    const sent = await recordSentEmail(api, battery.id, 5);
    made = { sr: { printer, battery }, markerLine: sent.markerLine.replace(sent.token, damage(sent.token)) };
    return made;
  };
  return {
    get server() {
      return started().server;
    },
    get browser() {
      return started().browser;
    },
    openPane: async (fixture) => {
      const running = started();
      const { page, problems } = await newPage(running.browser, { viewport: PANE });
      await installOfficeStub(page, fixture);
      await page.goto(running.server.paneUrl);
      return { page, problems };
    },
    desk,
    agentFixture: async (message) => ({
      host: 'Outlook',
      message: message ?? damagedReply((await desk()).markerLine),
      mailboxOwner: 'support@contoso.test',
      token: await started().server.api.token({ roles: ['ServiceDesk.Agent'], upn: 'alex@contoso.test' }),
    }),
  };
}
