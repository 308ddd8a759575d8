import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({ root: { maxWidth: '640px', margin: '0 auto', padding: tokens.spacingVerticalXXL } });

/** Startup ended without a session (API down, Teams refused the token): say why and offer a retry. */
export function StartupProblem(props: { message: string; onRetry: () => void }) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>Service Messaging could not start</MessageBarTitle>
          {props.message}
        </MessageBarBody>
        <MessageBarActions>
          <Button appearance="primary" onClick={props.onRetry}>
            Try again
          </Button>
        </MessageBarActions>
      </MessageBar>
    </main>
  );
}
