import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { ApiError } from '../api/client';

/** An error in words the agent can act on; the API's request id is shown so support can find the log line. */
export function ErrorBar(props: { error: Error; title?: string; onRetry?: () => void }) {
  const requestId = props.error instanceof ApiError ? props.error.requestId : undefined;
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        {props.title && <MessageBarTitle>{props.title}</MessageBarTitle>}
        {props.error.message}
        {requestId && <div>Request id: {requestId}</div>}
      </MessageBarBody>
      {props.onRetry && (
        <MessageBarActions>
          <Button size="small" onClick={props.onRetry}>
            Try again
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
