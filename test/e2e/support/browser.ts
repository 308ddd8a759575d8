import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type ConsoleMessage,
  type Page,
} from 'playwright-core';

// Debian's chromium, headless, with everything that would reach the network at start switched off.
// Playwright gives every launch a fresh temporary profile (user-data dir), removed again on close.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
}

export async function newPage(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, ...options });
  // Fail a step within the test's own time limit, naming the locator it waited for.
  context.setDefaultTimeout(10_000);
  await serveTeamsJsValidDomains(context);
  const page = await context.newPage();
  return { context, page, problems: watchForProblems(page) };
}

/** Console errors and uncaught exceptions: a healthy page has none, and tests print them when they fail. */
export function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

/**
 * What a hostile email could make the page do: script dialogs (dismissed) and requests to the attacker's host
 * (`evil.example`, aborted). A safe rendering leaves both lists empty.
 */
export async function watchForHostileEffects(
  context: BrowserContext,
  page: Page,
): Promise<{ dialogs: string[]; evilRequests: string[] }> {
  const dialogs: string[] = [];
  const evilRequests: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await context.route(/evil\.example/, (route) => {
    evilRequests.push(route.request().url());
    return route.abort();
  });
  return { dialogs, evilRequests };
}

/** Signs in through the demo sign-in page (standalone browser) and waits for the service request list. */
export async function signInAsDemoUser(page: Page, tabUrl: string, upn: string): Promise<void> {
  await page.goto(tabUrl);
  const escaped = upn.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await page.getByRole('button', { name: new RegExp(`^Sign in as .*${escaped}`) }).click();
  await page.getByRole('heading', { name: 'Service requests', level: 1 }).waitFor();
}

// teams-js fetches its list of valid host origins from Microsoft's CDN when it initialises in a frame (the API's
// CSP allows it). This sandbox has no internet, so the browser answers it the way the CDN would: with the list
// teams-js ships as its own fallback.
const TEAMS_JS_VALID_DOMAINS = 'https://res.cdn.office.net/teams-js/validDomains/**';

async function serveTeamsJsValidDomains(context: BrowserContext): Promise<void> {
  const { validOrigins } = (await import(
    '@microsoft/teams-js/dist/esm/packages/teams-js/src/artifactsForCDN/validDomains.json.js' as string
  )) as { validOrigins: string[] };
  await context.route(TEAMS_JS_VALID_DOMAINS, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ validOrigins }) }),
  );
}
