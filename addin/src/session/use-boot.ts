import { useCallback, useEffect, useMemo, useState } from 'react';
import type { TClientConfig } from '../../../api/src/contract/client-config';
import { readTokenClaims, reuseWhileFresh } from '../../../web-shared/token-claims';
import { createPublicApi } from '../api/addin-api';
import { createApiClient } from '../api/client';
import {
  connectToOutlook,
  getOfficeSsoToken,
  supportsNestedAppAuth,
  type OfficeStart,
} from '../host/outlook';
import { forgetDemoToken, rememberDemoToken, restoreDemoToken } from './demo-token';

export type HostKind = 'outlook' | 'demo-mailbox';
export type SignInMethod = 'nested-app-auth' | 'office-sso' | 'demo';
export type User = { name: string; upn: string };
export type Session = { user: User; via: SignInMethod; getToken(): Promise<string> };

export type BootState =
  | { phase: 'starting' }
  | {
      phase: 'not-in-outlook';
      reason: Extract<OfficeStart, { kind: 'not-outlook' }>['reason'];
      host?: string;
    }
  | { phase: 'failed'; message: string }
  | { phase: 'sign-in'; hostKind: HostKind; message?: string }
  /** Signed in, but the API says this person is not a service desk agent. */
  | { phase: 'no-role'; hostKind: HostKind; user: User; via: SignInMethod; message: string }
  | { phase: 'ready'; hostKind: HostKind; config: TClientConfig; session: Session };

const CONFIG_TIMEOUT_MS = 10_000;

/**
 * Starts the pane: is this Outlook, what does the API say about sign-in, and then the sign-in that host allows —
 * nested app authentication where Outlook supports it, legacy Office SSO elsewhere, the emulator's users in demo
 * mode. Every path ends in a state that tells the agent what to do next.
 */
export function useBoot() {
  const [state, setState] = useState<BootState>({ phase: 'starting' });
  const [config, setConfig] = useState<TClientConfig | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const publicApi = useMemo(() => createPublicApi(createApiClient()), []);

  useEffect(() => {
    let isCurrent = true;
    const settle = (next: BootState) => isCurrent && setState(next);
    void (async () => {
      const office = await connectToOutlook();
      let loaded: TClientConfig;
      try {
        loaded = await publicApi.clientConfig(AbortSignal.timeout(CONFIG_TIMEOUT_MS));
      } catch (err) {
        return settle({
          phase: 'failed',
          message: describe(err, 'The Service Messaging API did not answer.'),
        });
      }
      if (!isCurrent) return;
      setConfig(loaded);
      // A demo API verifies only the emulator's tokens, so even inside Outlook the demo sign-in is the way in.
      if (loaded.demo) {
        const hostKind: HostKind = office.kind === 'outlook' ? 'outlook' : 'demo-mailbox';
        const token = restoreDemoToken();
        return settle(
          token
            ? signedIn(hostKind, loaded, 'demo', token, async () => token)
            : { phase: 'sign-in', hostKind },
        );
      }
      if (office.kind !== 'outlook')
        return settle({
          phase: 'not-in-outlook',
          reason: office.reason,
          ...(office.host ? { host: office.host } : {}),
        });
      settle(await signInThroughOutlook(loaded));
    })();
    return () => {
      isCurrent = false;
    };
  }, [publicApi, attempt]);

  const signInAsDemo = useCallback(
    async (upn: string) => {
      if (state.phase !== 'sign-in' || !config) return;
      const { accessToken } = await publicApi.demoSignIn(upn);
      rememberDemoToken(accessToken);
      setState(signedIn(state.hostKind, config, 'demo', accessToken, async () => accessToken));
    },
    [config, publicApi, state],
  );

  /** The API refused the token (401): demo sessions go back to the user list; Outlook sessions start again. */
  const endSession = useCallback((message: string) => {
    forgetDemoToken();
    setState((current) =>
      current.phase === 'ready' && current.session.via === 'demo'
        ? { phase: 'sign-in', hostKind: current.hostKind, message: `You were signed out: ${message}` }
        : { phase: 'failed', message: `Service Messaging refused the sign-in: ${message}` },
    );
  }, []);

  /** The API answered 403: the role is missing (roles can also come from the API's ADMIN_OBJECT_IDS, so only it can tell). */
  const denyAccess = useCallback((message: string) => {
    setState((current) =>
      current.phase === 'ready'
        ? {
            phase: 'no-role',
            hostKind: current.hostKind,
            user: current.session.user,
            via: current.session.via,
            message,
          }
        : current,
    );
  }, []);

  /** Demo mode: back to the list of demo users. */
  const signOut = useCallback(() => {
    forgetDemoToken();
    setState((current) =>
      current.phase === 'ready' || current.phase === 'no-role'
        ? { phase: 'sign-in', hostKind: current.hostKind }
        : current,
    );
  }, []);

  const retry = useCallback(() => {
    setState({ phase: 'starting' });
    setAttempt((n) => n + 1);
  }, []);

  return { state, signInAsDemo, endSession, denyAccess, signOut, retry };
}

async function signInThroughOutlook(config: TClientConfig): Promise<BootState> {
  const via: SignInMethod = supportsNestedAppAuth() ? 'nested-app-auth' : 'office-sso';
  try {
    const source =
      via === 'nested-app-auth'
        ? await (await import('./naa-token')).createNaaTokenSource(config)
        : getOfficeSsoToken;
    const getToken = reuseWhileFresh(source);
    return signedIn('outlook', config, via, await getToken(), getToken);
  } catch (err) {
    return {
      phase: 'failed',
      message: `Outlook could not sign you in to Service Messaging: ${describe(err, 'no token was returned.')}`,
    };
  }
}

function signedIn(
  hostKind: HostKind,
  config: TClientConfig,
  via: SignInMethod,
  token: string,
  getToken: () => Promise<string>,
): BootState {
  const claims = readTokenClaims(token);
  if (!claims) return { phase: 'failed', message: 'The sign-in returned a token this pane cannot read.' };
  return {
    phase: 'ready',
    hostKind,
    config,
    session: { user: { name: claims.name, upn: claims.upn }, via, getToken },
  };
}

const describe = (err: unknown, fallback: string): string =>
  err instanceof Error && err.message ? err.message : fallback;
