import { Button } from '@fluentui/react-components';
import { CompassNorthwestRegular } from '@fluentui/react-icons';
import { EmptyState } from './empty-state';

export function NotFound() {
  return (
    <EmptyState
      icon={<CompassNorthwestRegular />}
      title="This page is not available"
      action={
        <Button as="a" href="#/requests" appearance="primary">
          Go to service requests
        </Button>
      }
    >
      The link may be old, or this server does not have that feature yet.
    </EmptyState>
  );
}
