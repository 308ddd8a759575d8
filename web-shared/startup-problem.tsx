import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';

/**
 * Startup ended without a session (API down, the host refused the token): say why and offer a retry. The page
 * around it is the app's: a wide tab centres it, the narrow task pane does not.
 */
export function StartupProblem(props: { message: string; onRetry: () => void; className?: string }) {
  return (
    <main className={props.className}>
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
