import { join } from 'node:path';
import { AuthCodes } from '../entra/auth-codes.js';
import { SigningKeys } from '../entra/signing-keys.js';
import { TokenService } from '../entra/token-service.js';
import { Stats } from '../core/stats.js';
import { Scheduler } from '../core/scheduler.js';
import { FaultInjector } from '../faults/fault-injector.js';
import type { Knobs } from '../faults/knobs.js';
import { Throttle } from '../faults/throttle.js';
import { AccessPolicy } from '../graph/access-policy.js';
import { AppPermissions } from '../graph/app-permissions.js';
import type { Services } from '../graph/services.js';
import { UploadSessions } from '../graph/upload-sessions.js';
import { seedDemoContent } from '../mail/demo-content.js';
import { Notifier } from '../notifications/notifier.js';
import type { MailStore } from '../state/mail-store.js';
import type { Tenant } from '../tenant/tenant-directory.js';

export type ServicesInput = {
  tenant: Tenant;
  store: MailStore;
  /** https://localhost:port, the issuer of the tokens it signs. */
  origin: string;
  /** Where the signing keys are kept between runs. */
  dataDir: string;
  knobs: Partial<Knobs>;
};

/** The emulator's parts (mail, Entra, faults, notifications, uploads), wired to one another. */
export function buildServices({ tenant, store, origin, dataDir, knobs }: ServicesInput): Services {
  const faults = new FaultInjector(knobs);
  const stats = new Stats();
  const keys = new SigningKeys(join(dataDir, 'signing-keys.json'));
  const appPermissions = new AppPermissions();
  return {
    tenant,
    store,
    keys,
    faults,
    stats,
    tokens: new TokenService(
      keys,
      tenant,
      origin,
      () => faults.knobs.tokenLifetimeSec,
      (app) => appPermissions.entraRoles(app),
    ),
    codes: new AuthCodes(),
    throttle: new Throttle(),
    notifier: new Notifier(store, faults, stats, tenant.tenantId),
    uploads: new UploadSessions(),
    scheduler: new Scheduler(),
    accessPolicy: new AccessPolicy(),
    appPermissions,
  };
}

/** POST /_emulator/reset: empty mailboxes (seeded again when the emulator seeds), no faults, no grants, no counts. */
export async function resetServices(s: Services, seed: boolean): Promise<void> {
  s.store.reset();
  s.faults.clear();
  s.throttle.reset();
  s.uploads.clear();
  s.accessPolicy.clear();
  s.appPermissions.clear();
  s.stats.reset();
  if (seed) await seedDemoContent(s.store);
}
