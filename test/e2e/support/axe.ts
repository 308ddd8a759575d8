import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

type AxeViolation = { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] };

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core on the page and returns the serious and critical violations, one line each. Evaluated
 * through the DevTools protocol, so the page's CSP (script-src 'self') stays on. Email frames are skipped:
 * their content is the sender's, and they cannot run axe (no scripts in the sandbox).
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  // Under forced colours (Windows' contrast themes) the browser paints text and backgrounds with the system's colours,
  // whatever the page asks for; axe's colour check reads the page's own colours there (a link's #ffff00 against the
  // forced white), so it does not apply. Every other rule does.
  const isForced = await page.evaluate(() => matchMedia('(forced-colors: active)').matches);
  // Check the page at rest: a pointer left over a grid row from the last click would be checked as hover colours,
  // and a dialog still fading in as half-transparent text.
  await page.mouse.move(0, 0);
  await finishMotion(page);
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (forced) => {
    const axe = (
      window as unknown as {
        axe: { run(context: object, options: object): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    // Tabster's focus sentinels (Fluent's focus management) are focusable on purpose and hand focus on at once.
    const rules = forced ? { 'color-contrast': { enabled: false } } : {};
    const result = await axe.run(
      { exclude: [['[data-tabster-dummy]']] },
      { iframes: false, resultTypes: ['violations'], rules },
    );
    return result.violations;
  }, isForced);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`,
    );
}

/** Waits (up to 2 s) for the running finite animations and transitions; spinners run forever and are left alone. */
async function finishMotion(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const finite = document
      .getAnimations()
      .filter((animation) => Number.isFinite(Number(animation.effect?.getComputedTiming().endTime)));
    await Promise.race([
      Promise.all(finite.map((animation) => animation.finished.catch(() => undefined))),
      new Promise((resolve) => setTimeout(resolve, 2_000)),
    ]);
  });
}
