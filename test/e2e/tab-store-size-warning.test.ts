import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './support/axe.js';
import { signedInSession } from './support/signed-in-session.js';

// A desk whose lowdb file has passed LOWDB_WARN_MB: /api/health's store check carries the warning and the setup
// checklist shows it above the steps, with the migration command. The threshold is set to 0 MB here so the demo
// desk's small file counts as too big; tab-admin-first-hour.test.ts checks a desk under it shows nothing.

const MIGRATE = 'npm run store:migrate -- --from lowdb --to postgres';
const session = signedInSession('admin@contoso.test', { env: { LOWDB_WARN_MB: '0' } });

describe('a lowdb desk past the slow-commit size', () => {
  it('warns in /api/health and on the setup checklist, naming the migration command', async () => {
    const health = (await (await fetch(`${session.stack.url}/api/health`)).json()) as {
      checks: Array<{ name: string; ok: boolean; warning?: string }>;
    };
    const store = health.checks.find((check) => check.name === 'store');
    expect(store?.ok).toBe(true);
    expect(store?.warning).toContain(MIGRATE);

    const page = session.page;
    await page.evaluate(() => (window.location.hash = '#/admin/setup'));
    const warning = page.getByTestId('store-size-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('This desk has outgrown its embedded database');
    expect(await warning.textContent()).toContain(MIGRATE);
    // Not a Microsoft 365 step: the count is the same as without it.
    await page.getByText(/of 7 steps done/).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
