// Hash routes (#/requests, #/requests/SR-000123, #/admin/accounts ...): the tab is served as static files
// under /tab/, Teams deep links carry the route in the URL fragment, and office.js-style hosts null history.

export type AdminSection = 'setup' | 'accounts' | 'templates' | 'note-types' | 'service-messaging' | 'rules';
const ADMIN_SECTIONS: readonly AdminSection[] = [
  'setup',
  'accounts',
  'templates',
  'note-types',
  'service-messaging',
  'rules',
];

export type Route =
  | { page: 'requests'; params: URLSearchParams }
  | { page: 'request'; ref: string }
  | { page: 'mail-center'; params: URLSearchParams }
  | { page: 'mail-item'; itemId: string }
  | { page: 'admin'; section: AdminSection }
  | { page: 'mail-account'; accountId: string | 'new' }
  | { page: 'mail-template'; templateId: string | 'new' }
  | { page: 'configure' }
  | { page: 'not-found'; path: string };

export function parseRoute(hash: string): Route {
  const [rawPath = '', search = ''] = hash.replace(/^#/, '').split('?');
  const parts = rawPath.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, third] = parts;
  if (!first || (first === 'requests' && !second))
    return { page: 'requests', params: new URLSearchParams(search) };
  if (first === 'requests' && second && !third) return { page: 'request', ref: second };
  if (first === 'mail-center' && !second) return { page: 'mail-center', params: new URLSearchParams(search) };
  if (first === 'mail-center' && second && !third) return { page: 'mail-item', itemId: second };
  if (first === 'admin' && !second) return { page: 'admin', section: 'setup' };
  if (first === 'admin' && second === 'accounts' && third) return { page: 'mail-account', accountId: third };
  if (first === 'admin' && second === 'templates' && third)
    return { page: 'mail-template', templateId: third };
  if (first === 'admin' && isAdminSection(second) && !third) return { page: 'admin', section: second };
  if (first === 'configure') return { page: 'configure' };
  return { page: 'not-found', path: `/${parts.join('/')}` };
}

export function href(route: Route): string {
  switch (route.page) {
    case 'requests': {
      const search = route.params.toString();
      return search ? `#/requests?${search}` : '#/requests';
    }
    case 'request':
      return `#/requests/${encodeURIComponent(route.ref)}`;
    case 'mail-center': {
      const search = route.params.toString();
      return search ? `#/mail-center?${search}` : '#/mail-center';
    }
    case 'mail-item':
      return `#/mail-center/${encodeURIComponent(route.itemId)}`;
    case 'admin':
      return `#/admin/${route.section}`;
    case 'mail-account':
      return `#/admin/accounts/${encodeURIComponent(route.accountId)}`;
    case 'mail-template':
      return `#/admin/templates/${encodeURIComponent(route.templateId)}`;
    case 'configure':
      return '#/configure';
    case 'not-found':
      return `#${route.path}`;
  }
}

export const requestHref = (ref: string): string => href({ page: 'request', ref });

const isAdminSection = (value: string | undefined): value is AdminSection =>
  ADMIN_SECTIONS.includes(value as AdminSection);
