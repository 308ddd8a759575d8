import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { TClientConfig } from '../../../api/src/contract/client-config';
import { createApiClient } from '../api/client';
import { createDeskApi, type DeskApi } from '../api/desk-api';
import type { Host } from '../host/teams';
import type { Session } from './session';

export type Desk = { api: DeskApi; session: Session; host: Host; config: TClientConfig };

const DeskContext = createContext<Desk | undefined>(undefined);

export function DeskProvider(props: {
  session: Session;
  host: Host;
  config: TClientConfig;
  onUnauthorized: (message: string) => void;
  children: ReactNode;
}) {
  const { session, host, config, onUnauthorized } = props;
  const desk = useMemo<Desk>(
    () => ({
      api: createDeskApi(createApiClient({ getToken: session.getToken, onUnauthorized })),
      session,
      host,
      config,
    }),
    [session, host, config, onUnauthorized],
  );
  return <DeskContext.Provider value={desk}>{props.children}</DeskContext.Provider>;
}

/** The signed-in user's API, session and host. Only pages rendered after sign-in use it. */
export function useDesk(): Desk {
  const desk = useContext(DeskContext);
  if (!desk) throw new Error('useDesk() is used outside <DeskProvider>.');
  return desk;
}
