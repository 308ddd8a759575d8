import { FluentProvider, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { StartupProblem } from '../../web-shared/startup-problem';
import { LoadingBlock } from './components/loading-block';
import { NoRole } from './features/no-role/no-role';
import { NotInOutlook } from './features/not-in-outlook/not-in-outlook';
import { Pane } from './features/pane/pane';
import { useBoot } from './session/use-boot';

const DemoSignIn = lazy(() =>
  import('./features/sign-in/demo-sign-in').then((m) => ({ default: m.DemoSignIn })),
);

const useStyles = makeStyles({
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  problem: { padding: tokens.spacingHorizontalL },
});

export function App() {
  const styles = useStyles();
  const { state, signInAsDemo, endSession, denyAccess, signOut, retry } = useBoot();
  return (
    <FluentProvider theme={webLightTheme} className={styles.root}>
      <Suspense fallback={<LoadingBlock label="Loading…" />}>
        {state.phase === 'starting' && <LoadingBlock label="Starting Service Messaging…" />}
        {state.phase === 'failed' && (
          <StartupProblem className={styles.problem} message={state.message} onRetry={retry} />
        )}
        {state.phase === 'not-in-outlook' && <NotInOutlook reason={state.reason} host={state.host} />}
        {state.phase === 'sign-in' && (
          <DemoSignIn hostKind={state.hostKind} message={state.message} onSignIn={signInAsDemo} />
        )}
        {state.phase === 'no-role' && (
          <NoRole
            user={state.user}
            message={state.message}
            onSignOut={state.via === 'demo' ? signOut : undefined}
          />
        )}
        {state.phase === 'ready' && (
          <Pane
            hostKind={state.hostKind}
            session={state.session}
            onUnauthorized={endSession}
            onForbidden={denyAccess}
            onSignOut={state.session.via === 'demo' ? signOut : undefined}
          />
        )}
      </Suspense>
    </FluentProvider>
  );
}
