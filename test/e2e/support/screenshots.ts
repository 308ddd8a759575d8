import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

// test-results/ is git-ignored; docs/screenshots/ holds the few the README shows, copied by hand after a look.
export const SCREENSHOT_DIR = join(
  fileURLToPath(new URL('../../..', import.meta.url)),
  'test-results',
  'screenshots',
);

/**
 * The whole page by default. Pass `fullPage: false` for an open dialog: its backdrop covers the viewport only, so a
 * full-page picture would show the page below it undimmed, which no user sees.
 */
export async function saveScreenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  // Let the pointer leave controls so hover styles and tooltips do not end up in the picture.
  await page.mouse.move(0, 0);
  await page.screenshot({ path, fullPage: options.fullPage ?? true, animations: 'disabled', caret: 'hide' });
  return path;
}
