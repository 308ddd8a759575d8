import type { Tenant } from '../tenant/tenant-directory.js';
import type { MailStore } from '../state/mail-store.js';
import type { TokenService } from '../entra/token-service.js';
import type { SigningKeys } from '../entra/signing-keys.js';
import type { AuthCodes } from '../entra/auth-codes.js';
import type { FaultInjector } from '../faults/fault-injector.js';
import type { Throttle } from '../faults/throttle.js';
import type { Notifier } from '../notifications/notifier.js';
import type { UploadSessions } from '../graph/upload-sessions.js';
import type { Stats } from './stats.js';
import type { Scheduler } from './scheduler.js';
import type { AccessPolicy } from '../graph/access-policy.js';
import type { AppPermissions } from '../graph/app-permissions.js';

/** Everything a handler may use; built once in emulator-server.ts. */
export type Services = {
  tenant: Tenant;
  store: MailStore;
  tokens: TokenService;
  keys: SigningKeys;
  codes: AuthCodes;
  faults: FaultInjector;
  throttle: Throttle;
  notifier: Notifier;
  uploads: UploadSessions;
  stats: Stats;
  scheduler: Scheduler;
  accessPolicy: AccessPolicy;
  appPermissions: AppPermissions;
};
