import type { Browser, Page } from 'playwright-core';
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
  close(): Promise<void>;
};

export async function startAddinPane(): Promise<AddinPane> {
  const [server, browser] = await Promise.all([startAddinServer(), launchBrowser()]);
  let made: AddinDesk | undefined;
  const desk = async (): Promise<AddinDesk> => {
    if (made) return made;
    const printer = await createRequest(server.api, 'Printer on the 3rd floor keeps jamming');
    const battery = await createRequest(server.api, 'Laptop battery drains overnight');
    const sent = await recordSentEmail(server.api, battery.id, 5);
    made = { sr: { printer, battery }, markerLine: sent.markerLine.replace(sent.token, damage(sent.token)) };
    return made;
  };
  return {
    server,
    browser,
    openPane: async (fixture) => {
      const { page, problems } = await newPage(browser, { viewport: PANE });
      await installOfficeStub(page, fixture);
      await page.goto(server.paneUrl);
      return { page, problems };
    },
    desk,
    agentFixture: async (message) => ({
      host: 'Outlook',
      message: message ?? damagedReply((await desk()).markerLine),
      mailboxOwner: 'support@contoso.test',
      token: await server.api.token({ roles: ['ServiceDesk.Agent'], upn: 'alex@contoso.test' }),
    }),
    close: async () => {
      await browser?.close();
      await server?.close();
    },
  };
}
