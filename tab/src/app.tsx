import { FluentProvider, makeStyles, tokens, Toaster } from '@fluentui/react-components';
import { lazy, Suspense, useEffect } from 'react';
import { StartupProblem } from '../../web-shared/startup-problem';
import { AppShell } from './shell/app-shell';
import { LoadingBlock } from './components/loading-block';
import { TOASTER_ID } from './components/use-notify';
import { LiveChangesProvider } from './live/live-changes';
import { DeskProvider } from './session/desk-context';
import { useBoot } from './session/use-boot';
import { ActiveThemeContext } from './theme/active-theme';
import { useAppTheme } from './theme/use-app-theme';

const SignInPage = lazy(() =>
  import('./features/sign-in/sign-in-page').then((m) => ({ default: m.SignInPage })),
);

const useStyles = makeStyles({
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  problem: { maxWidth: '640px', margin: '0 auto', padding: tokens.spacingVerticalXXL },
});

export function App() {
  const styles = useStyles();
  const { state, signInAsDemo, signInWithEntra, endSession, retry, signOut } = useBoot();
  const host = state.phase === 'starting' ? undefined : state.host;
  const activeTheme = useAppTheme(host);

  // Screen readers and date formats follow the language Teams runs in (the browser's outside Teams).
  useEffect(() => {
    document.documentElement.lang = host?.kind === 'teams' ? host.locale : navigator.language;
  }, [host]);

  // Tests and assistive tech can read the theme; the page behind the tab matches it (no white flash).
  useEffect(() => {
    document.documentElement.dataset.theme = activeTheme.name;
    document.documentElement.style.colorScheme = activeTheme.name === 'light' ? 'light' : 'dark';
    document.body.style.backgroundColor = activeTheme.theme.colorNeutralBackground2;
  }, [activeTheme]);

  return (
    // The page styles go on an inner div: FluentProvider copies its className onto every portal (menus, toasts).
    <FluentProvider theme={activeTheme.theme}>
      <ActiveThemeContext.Provider value={activeTheme}>
        <div className={styles.root}>
          <Suspense fallback={<LoadingBlock label="Loading…" />}>
            {state.phase === 'starting' && <LoadingBlock label="Starting Service Messaging…" />}
            {state.phase === 'failed' && (
              <StartupProblem className={styles.problem} message={state.message} onRetry={retry} />
            )}
            {state.phase === 'sign-in' && (
              <SignInPage
                config={state.config}
                message={state.message}
                onDemoSignIn={signInAsDemo}
                onEntraSignIn={signInWithEntra}
              />
            )}
            {state.phase === 'signed-in' && (
              <DeskProvider
                session={state.session}
                host={state.host}
                config={state.config}
                onUnauthorized={endSession}
              >
                <LiveChangesProvider>
                  <AppShell onSignOut={state.host.kind === 'standalone' ? signOut : undefined} />
                </LiveChangesProvider>
              </DeskProvider>
            )}
          </Suspense>
        </div>
        <Toaster toasterId={TOASTER_ID} position="bottom-end" />
      </ActiveThemeContext.Provider>
    </FluentProvider>
  );
}
