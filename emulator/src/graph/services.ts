import type { Tenant } from '../tenant/tenant-directory.js';
import type { MailStore } from '../state/mail-store.js';
import type { TokenService } from '../entra/token-service.js';
import type { SigningKeys } from '../entra/signing-keys.js';
import type { AuthCodes } from '../entra/auth-codes.js';
import type { FaultInjector } from '../faults/fault-injector.js';
import type { Throttle } from '../faults/throttle.js';
import type { Notifier } from '../notifications/notifier.js';
import type { UploadSessions } from './upload-sessions.js';
import type { Stats } from '../core/stats.js';
import type { Scheduler } from '../core/scheduler.js';
import type { AccessPolicy } from './access-policy.js';
import type { AppPermissions } from './app-permissions.js';

// Everything a Graph handler (and the control API above graph/) may use; built once in server/emulator-server.ts.
// It lives in graph/, not core/: it names the parts of entra/, faults/ and notifications/, which sit below graph/.
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
