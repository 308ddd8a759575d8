import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TClientConfig } from '../../../api/src/contract/client-config';
import { readTokenClaims, reuseWhileFresh } from '../../../web-shared/token-claims';
import { createApiClient } from '../api/client';
import { createPublicApi } from '../api/desk-api';
import { connectToHost, getHostToken, type Host, type StandaloneHost, type TeamsHost } from '../host/teams';
import { forgetDemoToken, restoreDemoToken, signInAsDemoUser } from './demo-session';
import type { EntraSignIn } from './entra-sign-in';
import { userFromClaims, type Session, type SignInMethod } from './session';

export type BootState =
  | { phase: 'starting' }
  | { phase: 'signed-in'; host: Host; config: TClientConfig; session: Session }
  | { phase: 'sign-in'; host: StandaloneHost; config: TClientConfig; message?: string }
  | { phase: 'failed'; host?: Host; message: string };

const CONFIG_TIMEOUT_MS = 10_000;

/**
 * Starts the tab: find the host (Teams or a plain browser), read the public client config, and sign in
 * the way that host allows. Every step either finishes or ends in a state that says what to do next.
 */
export function useBoot() {
  const [state, setState] = useState<BootState>({ phase: 'starting' });
  const publicApi = useMemo(() => createPublicApi(createApiClient()), []);
  const entra = useRef<EntraSignIn | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let isCurrent = true;
    const settle = (next: BootState) => isCurrent && setState(next);
    void (async () => {
      const host = await connectToHost();
      let config: TClientConfig;
      try {
        config = await publicApi.clientConfig(AbortSignal.timeout(CONFIG_TIMEOUT_MS));
      } catch (err) {
        return settle({
          phase: 'failed',
          host,
          message: describe(err, 'The Service Messaging API did not answer.'),
        });
      }
      if (host.kind === 'teams') return settle(await startInTeams(host, config));
      if (config.demo) {
        const token = restoreDemoToken();
        return settle(
          token
            ? signedIn(host, config, 'demo', token, async () => token)
            : { phase: 'sign-in', host, config },
        );
      }
      try {
        entra.current ??= await (await import('./entra-sign-in')).createEntraSignIn(config);
        const token = await entra.current.restore();
        const source = entra.current;
        settle(
          token
            ? signedIn(host, config, 'entra', token, () => source.getToken())
            : { phase: 'sign-in', host, config },
        );
      } catch (err) {
        settle({
          phase: 'sign-in',
          host,
          config,
          message: describe(err, 'Microsoft sign-in could not start.'),
        });
      }
    })();
    return () => {
      isCurrent = false;
    };
  }, [publicApi, attempt]);

  const signInAsDemo = useCallback(
    async (upn: string) => {
      if (state.phase !== 'sign-in') return;
      const token = await signInAsDemoUser(publicApi, upn);
      setState(signedIn(state.host, state.config, 'demo', token, async () => token));
    },
    [publicApi, state],
  );

  const signInWithEntra = useCallback(async () => {
    if (state.phase !== 'sign-in') return;
    entra.current ??= await (await import('./entra-sign-in')).createEntraSignIn(state.config);
    const source = entra.current;
    const token = await source.signIn();
    setState(signedIn(state.host, state.config, 'entra', token, () => source.getToken()));
  }, [state]);

  /** A 401 from the API: the token expired or was refused. Back to sign-in (or Retry in Teams), saying why. */
  const endSession = useCallback((message: string) => {
    forgetDemoToken();
    entra.current?.signOut();
    setState((current) => {
      if (current.phase !== 'signed-in') return current;
      if (current.host.kind === 'teams')
        return {
          phase: 'failed',
          host: current.host,
          message: `Teams could not sign you in to Service Messaging: ${message}`,
        };
      return {
        phase: 'sign-in',
        host: current.host,
        config: current.config,
        message: `You were signed out: ${message}`,
      };
    });
  }, []);

  const signOut = useCallback(() => {
    forgetDemoToken();
    entra.current?.signOut();
    setState((current) =>
      current.phase === 'signed-in' && current.host.kind === 'standalone'
        ? { phase: 'sign-in', host: current.host, config: current.config }
        : current,
    );
  }, []);

  const retry = useCallback(() => {
    setState({ phase: 'starting' });
    setAttempt((n) => n + 1);
  }, []);

  return { state, signInAsDemo, signInWithEntra, endSession, retry, signOut };
}

async function startInTeams(host: TeamsHost, config: TClientConfig): Promise<BootState> {
  const nested = {
    clientId: config.clientId,
    authority: config.authority,
    scopes: [config.apiScope],
    loginHint: host.userPrincipalName,
  };
  const getToken = reuseWhileFresh(() => getHostToken(nested));
  try {
    const token = await getToken();
    return signedIn(host, config, 'teams', token, getToken);
  } catch (err) {
    return {
      phase: 'failed',
      host,
      message: `Teams could not sign you in to Service Messaging: ${describe(err, 'no token was returned.')}`,
    };
  }
}

function signedIn(
  host: Host,
  config: TClientConfig,
  via: SignInMethod,
  token: string,
  getToken: () => Promise<string>,
): BootState {
  const claims = readTokenClaims(token);
  if (!claims)
    return { phase: 'failed', host, message: 'The sign-in returned a token this app cannot read.' };
  const session: Session = { user: userFromClaims(claims), via, getToken };
  return { phase: 'signed-in', host, config, session };
}

const describe = (err: unknown, fallback: string): string =>
  err instanceof Error && err.message ? err.message : fallback;
