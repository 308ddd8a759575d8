import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { ApiError } from '../api/client';

/** Shows the API's own message (never a blank screen), with the request id support will ask for. */
export function ErrorBar(props: { error: Error; title?: string; onRetry?: () => void }) {
  const { error, title, onRetry } = props;
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        {error.message}
        {requestId && <span> (request id {requestId})</span>}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button onClick={onRetry}>Try again</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
