import { useCallback, useSyncExternalStore } from 'react';

// Hash routing: office.js replaces history.pushState/replaceState with null, so the URL fragment is the only
// place a route can live (https://github.com/OfficeDev/office-js/issues/429). Used by the demo mailbox, whose
// route is the open email: #/mailbox/<address>/<message id>.
export type DemoRoute = { mailbox?: string; messageId?: string };

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function parseDemoRoute(hash: string): DemoRoute {
  const [first, mailbox, messageId] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (first !== 'mailbox' || !mailbox) return {};
  return messageId ? { mailbox, messageId } : { mailbox };
}

export function demoRouteHref(route: DemoRoute): string {
  if (!route.mailbox) return '#/';
  const path = ['mailbox', route.mailbox, ...(route.messageId ? [route.messageId] : [])]
    .map(encodeURIComponent)
    .join('/');
  return `#/${path}`;
}

export function useDemoRoute(): [DemoRoute, (route: DemoRoute) => void] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const navigate = useCallback((route: DemoRoute) => {
    window.location.hash = demoRouteHref(route);
  }, []);
  return [parseDemoRoute(hash), navigate];
}
