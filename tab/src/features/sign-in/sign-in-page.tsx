import {
  Badge,
  Body1,
  Button,
  Card,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Text,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { TClientConfig } from '../../../../api/src/contract/client-config';
import { DemoUserList } from './demo-user-list';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    justifyContent: 'center',
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalL}`,
  },
  card: {
    width: '100%',
    maxWidth: '520px',
    padding: tokens.spacingHorizontalXXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  brand: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  logo: { width: '40px', height: '40px' },
  title: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXXS,
  },
  intro: { color: tokens.colorNeutralForeground2 },
});

type Props = {
  config: TClientConfig;
  message?: string;
  onDemoSignIn: (upn: string) => Promise<void>;
  onEntraSignIn: () => Promise<void>;
};

/** Outside Teams: the emulator's demo users in demo mode, Microsoft sign-in (popup) against a real tenant. */
export function SignInPage(props: Props) {
  const styles = useStyles();
  const [error, setError] = useState<string | undefined>(undefined);
  const [isSigningIn, setIsSigningIn] = useState(false);

  const handleEntraSignIn = async () => {
    setIsSigningIn(true);
    setError(undefined);
    try {
      await props.onEntraSignIn();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setIsSigningIn(false);
    }
  };

  return (
    <main className={styles.root}>
      <Card className={styles.card}>
        <div className={styles.brand}>
          <img className={styles.logo} src="favicon.png" alt="" />
          <div className={styles.title}>
            <Title2 as="h1">Service Messaging</Title2>
            {props.config.demo && (
              <Badge appearance="tint" color="informative">
                Demo mode
              </Badge>
            )}
          </div>
        </div>
        <Body1 className={styles.intro}>
          Work your service requests and configure the desk's email loop. In Teams you are signed in
          automatically; here, sign in first.
        </Body1>
        {props.message && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{props.message}</MessageBarBody>
          </MessageBar>
        )}
        {props.config.demo ? (
          <section aria-labelledby="demo-users-heading">
            <Subtitle1 as="h2" id="demo-users-heading">
              Sign in as a demo user
            </Subtitle1>
            <DemoUserList onSignIn={props.onDemoSignIn} />
          </section>
        ) : (
          <>
            <Button
              appearance="primary"
              size="large"
              onClick={handleEntraSignIn}
              disabled={isSigningIn}
              icon={isSigningIn ? <Spinner size="tiny" /> : undefined}
            >
              Sign in with Microsoft
            </Button>
            <Text size={200}>A sign-in window opens; allow pop-ups for this site if nothing appears.</Text>
          </>
        )}
        {error && (
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
      </Card>
    </main>
  );
}
