import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Persona,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { createApiClient } from '../../api/client';
import { createPublicApi } from '../../api/desk-api';
import { ErrorBar } from '../../components/error-bar';
import { LoadingBlock } from '../../components/loading-block';
import { useResource } from '../../components/use-resource';
import { VisuallyHidden } from '../../components/visually-hidden';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: `${tokens.spacingVerticalS} 0 0`,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  user: { width: '100%', justifyContent: 'space-between', padding: tokens.spacingVerticalM },
});

const describeRoles = (roles: string[]): string =>
  roles.includes('ServiceDesk.Admin')
    ? 'Admin and agent'
    : roles.includes('ServiceDesk.Agent')
      ? 'Agent'
      : 'No desk role';

export function DemoUserList(props: { onSignIn: (upn: string) => Promise<void> }) {
  const styles = useStyles();
  const api = useMemo(() => createPublicApi(createApiClient()), []);
  const users = useResource(() => api.demoUsers(), [api]);
  const [pendingUpn, setPendingUpn] = useState<string | undefined>(undefined);
  const [error, setError] = useState<Error | undefined>(undefined);

  const handleSignIn = async (upn: string) => {
    setPendingUpn(upn);
    setError(undefined);
    try {
      await props.onSignIn(upn);
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
      setPendingUpn(undefined);
    }
  };

  if (users.error)
    return <ErrorBar error={users.error} title="The demo users could not be loaded" onRetry={users.reload} />;
  if (!users.data) return <LoadingBlock label="Loading demo users…" />;
  if (users.data.items.length === 0) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>
          The emulator has no users who can sign in. Restart it with the demo tenant (npm start).
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <>
      <ul className={styles.list}>
        {users.data.items.map((user) => (
          <li key={user.upn}>
            <Button
              className={styles.user}
              appearance="outline"
              onClick={() => void handleSignIn(user.upn)}
              disabled={pendingUpn !== undefined}
            >
              <VisuallyHidden>Sign in as </VisuallyHidden>
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
      {error && <ErrorBar error={error} title="Sign-in failed" />}
    </>
  );
}
