import { lazy, useMemo } from 'react';
import { createAddinApi } from '../../api/addin-api';
import { createApiClient } from '../../api/client';
import { createDemoMailboxHost } from '../../host/demo-mailbox';
import { outlookHost } from '../../host/outlook';
import type { HostKind, Session } from '../../session/use-boot';
import { EmailPane } from './email-pane';

// Only demo mode outside Outlook shows the demo mailbox; agents in Outlook never download it.
const DemoMailboxPage = lazy(() =>
  import('../demo-mailbox/demo-mailbox-page').then((m) => ({ default: m.DemoMailboxPage })),
);

/** The signed-in pane: in Outlook it works on the open email; in demo mode on one picked from a demo mailbox. */
export function Pane(props: {
  hostKind: HostKind;
  session: Session;
  onUnauthorized: (message: string) => void;
  onForbidden: (message: string) => void;
  onSignOut?: (() => void) | undefined;
}) {
  const { session, onUnauthorized, onForbidden } = props;
  const api = useMemo(
    () =>
      createAddinApi(createApiClient({ getToken: () => session.getToken(), onUnauthorized, onForbidden })),
    [session, onUnauthorized, onForbidden],
  );
  const demoHost = useMemo(
    () => (props.hostKind === 'demo-mailbox' ? createDemoMailboxHost(api) : undefined),
    [props.hostKind, api],
  );
  if (demoHost)
    return <DemoMailboxPage api={api} host={demoHost} user={session.user} onSignOut={props.onSignOut} />;
  return <EmailPane api={api} host={outlookHost} user={session.user} onSignOut={props.onSignOut} />;
}
