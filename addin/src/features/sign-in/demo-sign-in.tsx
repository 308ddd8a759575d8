import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Persona,
  Spinner,
  Subtitle1,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { toError } from '../../../../web-shared/to-error';
import { createPublicApi } from '../../api/addin-api';
import { createApiClient } from '../../api/client';
import { ErrorBar } from '../../components/error-bar';
import { LoadingBlock } from '../../components/loading-block';
import type { HostKind } from '../../session/use-boot';

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '32rem',
  },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  user: { width: '100%', justifyContent: 'space-between', padding: tokens.spacingVerticalM },
});

type DemoUser = { upn: string; displayName: string; roles: string[] };

const describeRoles = (roles: string[]): string =>
  roles.includes('ServiceDesk.Admin')
    ? 'Admin and agent'
    : roles.includes('ServiceDesk.Agent')
      ? 'Agent'
      : 'No desk role';

/** Demo mode: sign in as one of the emulator's users (the API asks the emulator for a real token). */
export function DemoSignIn(props: {
  hostKind: HostKind;
  message?: string | undefined;
  onSignIn: (upn: string) => Promise<void>;
}) {
  const styles = useStyles();
  const api = useMemo(() => createPublicApi(createApiClient()), []);
  const [users, setUsers] = useState<DemoUser[] | undefined>(undefined);
  const [error, setError] = useState<Error | undefined>(undefined);
  const [pendingUpn, setPendingUpn] = useState<string | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let isCurrent = true;
    api
      .demoUsers()
      .then((body) => isCurrent && setUsers(body.items))
      .catch((err: unknown) => isCurrent && setError(toError(err)));
    return () => {
      isCurrent = false;
    };
  }, [api, attempt]);

  const handleSignIn = async (upn: string) => {
    setPendingUpn(upn);
    setError(undefined);
    try {
      await props.onSignIn(upn);
    } catch (err) {
      setError(toError(err));
      setPendingUpn(undefined);
    }
  };

  const handleRetry = () => {
    setError(undefined);
    setAttempt((n) => n + 1);
  };

  return (
    <main className={styles.root} data-state="demo-sign-in">
      <Subtitle1 as="h1">Sign in to Service Messaging (demo)</Subtitle1>
      <Body1>
        {props.hostKind === 'demo-mailbox'
          ? 'This is the Outlook add-in outside Outlook: after signing in, pick an email from a demo mailbox and the pane works on it as it would in Outlook.'
          : 'The API runs in demo mode against the local M365 emulator, so sign in as one of its users.'}
      </Body1>
      {props.message && (
        <MessageBar intent="warning">
          <MessageBarBody>{props.message}</MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <ErrorBar error={error} title="Sign-in did not work" onRetry={users ? undefined : handleRetry} />
      )}
      {!users && !error && <LoadingBlock label="Loading demo users…" />}
      {users && (
        <ul className={styles.list}>
          {users.map((user) => (
            <li key={user.upn}>
              <Button
                className={styles.user}
                appearance="outline"
                disabled={pendingUpn !== undefined}
                onClick={() => void handleSignIn(user.upn)}
                aria-label={`Sign in as ${user.displayName} (${user.upn})`}
              >
                <Persona
                  name={user.displayName}
                  secondaryText={`${user.upn} · ${describeRoles(user.roles)}`}
                  avatar={{ color: 'colorful' }}
                />
                {pendingUpn === user.upn && <Spinner size="tiny" label="Signing in…" />}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
