import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';

export type TeamsTheme = 'default' | 'dark' | 'contrast';

/** The legacy (v1) context teams-js turns into app.getContext()'s shape. */
export type TeamsLegacyContext = {
  locale: string;
  theme: TeamsTheme;
  entityId: string;
  subEntityId?: string;
  tid: string;
  userObjectId: string;
  userPrincipalName: string;
  loginHint: string;
  hostClientType: 'web' | 'desktop';
  /** content for a tab; settings for a team tab's configuration page. */
  frameContext: 'content' | 'settings';
  hostName: 'Teams' | 'Outlook' | 'Office';
};

export type FakeTeamsHostOptions = {
  /** Origin of the API serving the tab; the host page is served on the same origin, as teams-js requires. */
  origin: string;
  /** Path and hash of the tab, e.g. /tab/#/requests. */
  tabPath: string;
  /** What getAuthToken returns; without it, getAuthToken fails with tokenError. */
  token?: string;
  tokenError?: string;
  context: Partial<TeamsLegacyContext> & Pick<TeamsLegacyContext, 'tid' | 'userPrincipalName'>;
};

export type FakeTeamsHost = {
  /** The tab's frame inside the host page. */
  tab(): Promise<Frame>;
  changeTheme(theme: TeamsTheme): Promise<void>;
  /** Raises a host event in the tab, as Teams does when the user selects Save on a configuration page. */
  sendToTab(func: string, args: unknown[]): Promise<void>;
  /** The teams-js functions the tab called, in order. */
  calls(): Promise<string[]>;
  /** The arguments of every call to one function, in order. */
  argsOf(func: string): Promise<unknown[][]>;
};

type HostWindow = {
  sendToTab(func: string, args: unknown[]): void;
  hostMessages: { func: string; args: unknown[] }[];
};

const HOST_PATH = '/__fake-teams-host.html';
const template = readFileSync(new URL('./fake-teams-host.html', import.meta.url), 'utf8');

/** Opens the tab inside a same-origin page that answers teams-js like Teams does (see fake-teams-host.html). */
export async function openInFakeTeamsHost(page: Page, options: FakeTeamsHostOptions): Promise<FakeTeamsHost> {
  const config = {
    tabUrl: `${options.origin}${options.tabPath}`,
    sdkVersion: '2.58.0',
    runtime: {
      apiVersion: 4,
      supports: { app: {}, appInitialization: {}, pages: { config: {}, tabs: {} }, teamsCore: {} },
    },
    token: options.token,
    tokenError: options.tokenError ?? 'resourceDisabled',
    context: {
      locale: 'en-us',
      theme: 'default',
      entityId: 'requests',
      userObjectId: '00000000-0000-4000-8000-000000000001',
      loginHint: options.context.userPrincipalName,
      hostClientType: 'web',
      frameContext: 'content',
      hostName: 'Teams',
      ...options.context,
    },
  };
  const html = template.replace('/*CONFIG*/ null', JSON.stringify(config).replace(/</g, '\\u003c'));
  // Served by Playwright at the API's origin (the request never reaches the API): same origin, no fixture route in the app.
  await page.route(`${options.origin}${HOST_PATH}`, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }),
  );
  await page.goto(`${options.origin}${HOST_PATH}`);

  return {
    async tab() {
      const handle = await page.waitForSelector('iframe#tab');
      const frame = await handle.contentFrame();
      if (!frame) throw new Error('The fake Teams host has no tab frame.');
      return frame;
    },
    changeTheme: (theme) =>
      page.evaluate((t) => (window as unknown as HostWindow).sendToTab('themeChange', [t]), theme),
    sendToTab: (func, args) =>
      page.evaluate(([f, a]) => (window as unknown as HostWindow).sendToTab(f, a), [func, args] as const),
    calls: () => page.evaluate(() => (window as unknown as HostWindow).hostMessages.map((m) => m.func)),
    argsOf: (func) =>
      page.evaluate(
        (f) => (window as unknown as HostWindow).hostMessages.filter((m) => m.func === f).map((m) => m.args),
        func,
      ),
  };
}
