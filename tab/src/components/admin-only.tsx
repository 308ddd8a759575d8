import { Button } from '@fluentui/react-components';
import { ShieldLockRegular } from '@fluentui/react-icons';
import { EmptyState } from './empty-state';

/** Agents who follow a link to Administration; the API refuses them too, this only explains it. */
export function AdminOnly() {
  return (
    <EmptyState
      icon={<ShieldLockRegular />}
      title="Administration is for service desk admins"
      action={
        <Button as="a" href="#/requests" appearance="primary">
          Go to service requests
        </Button>
      }
    >
      Ask an admin to give you the ServiceDesk.Admin role of the Service Messaging app if you need to configure the desk.
    </EmptyState>
  );
}
