import express, { type Express } from 'express';
import type { Logger } from 'pino';
import type { TClientConfig } from '../contract/client-config.js';
import type { THealth } from '../contract/health.js';
import type { ServiceDeps } from '../services/deps.js';
import type { VerifyAccessToken } from './auth/entra-token-verifier.js';
import { errorHandler, notFoundHandler } from './middleware/error-handler.js';
import { requestId } from './middleware/request-id.js';
import { requestLog } from './middleware/request-log.js';
import { securityHeaders } from './middleware/security-headers.js';
import { buildOpenApi } from './openapi.js';
import { registerRoutes } from './register-routes.js';
import type { RouteSpec } from './route.js';
import { ADDIN_JSON_LIMIT, addinRoutes } from './routes/addin.js';
import { attachmentRoutes } from './routes/attachments.js';
import { clientConfigRoutes } from './routes/client-config.js';
import { demoRoutes, type DemoSignIn } from './routes/demo.js';
import { demoMailboxRoutes, type DemoMailboxReader } from './routes/demo-mailbox.js';
import { eventRoutes } from './routes/events.js';
import { graphNotificationRoutes } from './routes/graph-notifications.js';
import { healthRoutes, type HealthCheck, type InstanceInfo } from './routes/health.js';
import { historyRoutes } from './routes/history.js';
import { mailAccountEngineRoutes } from './routes/mail-account-engine.js';
import { mailAccountRoutes } from './routes/mail-accounts.js';
import { meRoutes } from './routes/me.js';
import { mailCenterRoutes } from './routes/mail-center.js';
import { mailTemplateRoutes } from './routes/mail-templates.js';
import { noteTypeRoutes } from './routes/note-types.js';
import { noteRoutes } from './routes/notes.js';
import { requestEmailRoutes } from './routes/request-emails.js';
import { requestRoutes } from './routes/requests.js';
import { ruleRoutes } from './routes/rules.js';
import { settingsRoutes } from './routes/settings.js';

export type AppDeps = {
  services: ServiceDeps;
  verifyToken: VerifyAccessToken;
  logger: Logger;
  version: string;
  mode: THealth['mode'];
  /** Object ids (oid) of users treated as admins without the app role. */
  adminObjectIds: readonly string[];
  clientConfig: TClientConfig;
  healthChecks?: readonly HealthCheck[];
  /** This instance and the leases it holds, for /api/health. */
  instance?: InstanceInfo;
  /** Hosts the browser may reach for sign-in (CSP connect-src). */
  identityHosts?: readonly string[];
  /** Built front ends to serve from the same origin: { '/tab': 'tab/dist', ... }. */
  staticRoots?: Readonly<Record<string, string>>;
  /** Demo mode only: sign-in as the emulator's demo users. */
  demoSignIn?: DemoSignIn;
  /** Demo mode only: the emulator's mailboxes, for the add-in outside Outlook. */
  demoMailbox?: DemoMailboxReader;
  /** Routes later features add (mail center, emails, templates ...), mounted like the rest. */
  extraRoutes?: readonly RouteSpec[];
};

const JSON_LIMIT = '1mb';

/** The whole HTTP surface, without listening: tests drive it with supertest. */
export function createApp(deps: AppDeps): Express {
  const routes: RouteSpec[] = [
    ...healthRoutes(
      { version: deps.version, mode: deps.mode, ...(deps.instance ? { instance: deps.instance } : {}) },
      deps.healthChecks ?? [],
    ),
    ...clientConfigRoutes(deps.clientConfig),
    ...meRoutes(),
    ...requestRoutes(deps.services),
    ...noteRoutes(deps.services),
    ...attachmentRoutes(deps.services),
    ...historyRoutes(deps.services),
    ...noteTypeRoutes(deps.services),
    ...mailAccountRoutes(deps.services),
    ...mailAccountEngineRoutes(deps.services),
    ...mailCenterRoutes(deps.services),
    ...graphNotificationRoutes(deps.services),
    ...mailTemplateRoutes(deps.services),
    ...ruleRoutes(deps.services),
    ...requestEmailRoutes(deps.services),
    ...settingsRoutes(deps.services),
    ...eventRoutes(deps.services),
    ...addinRoutes(deps.services),
    ...(deps.demoSignIn ? demoRoutes(deps.demoSignIn) : []),
    ...(deps.demoMailbox ? demoMailboxRoutes(deps.demoMailbox, deps.services) : []),
    ...(deps.extraRoutes ?? []),
  ];
  const openApi = buildOpenApi(routes, { version: deps.version });

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(requestId);
  app.use(requestLog(deps.logger));
  app.use(securityHeaders(deps.identityHosts ?? []));

  const api = express.Router();
  // The add-in sends the email with its attachments; every other body stays small.
  api.use('/addin', express.json({ limit: ADDIN_JSON_LIMIT, strict: true }));
  api.use(express.json({ limit: JSON_LIMIT, strict: true }));
  api.get('/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  api.use(registerRoutes(routes, deps.verifyToken, deps.adminObjectIds));
  api.use(notFoundHandler);
  app.use('/api', api);

  for (const [mount, dir] of Object.entries(deps.staticRoots ?? {})) {
    app.use(mount, express.static(dir, { index: 'index.html', fallthrough: true }));
  }
  // The manifest's privacy and terms links point here, so every URL in it stays on our own valid domain.
  app.use(
    express.static(new URL('../../public', import.meta.url).pathname, { extensions: ['html'], index: false }),
  );
  app.get('/', (_req, res) => res.redirect(302, '/tab/'));
  app.use(notFoundHandler);
  app.use(errorHandler(deps.logger));
  return app;
}
