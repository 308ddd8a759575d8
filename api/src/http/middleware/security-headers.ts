import helmet from 'helmet';

// Teams and Outlook show our pages in frames; helmet's defaults (frame-ancestors 'self', X-Frame-Options)
// would blank the tab. https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements
export const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
];

export function securityHeaders(identityHosts: readonly string[]) {
  return helmet({
    frameguard: false,
    crossOriginEmbedderPolicy: false,
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        frameAncestors: FRAME_ANCESTORS,
        // office.js must come from Microsoft's CDN; Fluent UI writes its styles at run time.
        scriptSrc: ["'self'", 'https://appsforoffice.microsoft.com'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        // teams-js fetches the list of valid Teams host origins from Microsoft's CDN.
        connectSrc: ["'self'", 'https://res.cdn.office.net', ...identityHosts],
        frameSrc: ["'self'", ...identityHosts],
        upgradeInsecureRequests: null,
      },
    },
  });
}
