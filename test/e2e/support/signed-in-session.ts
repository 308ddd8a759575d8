import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startStack, type StackOptions, type TestStack } from '../../support/stack.js';
import { launchBrowser, newPage, signInAsDemoUser } from './browser.js';

export type SignedInSession = { stack: TestStack; page: Page; problems: string[] };

/**
 * One stack and one browser page for a test file, signed in as a demo user before the first test; closed after
 * the last. Console problems are printed at the end so a failing step shows what the page said.
 */
export function signedInSession(upn: string, stackOptions: StackOptions = {}): SignedInSession {
  const session = {} as SignedInSession;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [session.stack, browser] = await Promise.all([startStack(stackOptions), launchBrowser()]);
    ({ page: session.page, problems: session.problems } = await newPage(browser));
    await signInAsDemoUser(session.page, session.stack.tabUrl, upn);
  }, 60_000);
  afterAll(async () => {
    if (session.problems?.length) console.log(session.problems.join('\n'));
    await browser?.close();
    await session.stack?.close();
  });
  return session;
}
