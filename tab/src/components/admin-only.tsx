import { ShieldLockRegular } from '@fluentui/react-icons';
import { Unavailable } from './unavailable';

/** Agents who follow a link to Administration; the API refuses them too, this only explains it. */
export function AdminOnly() {
  return (
    <Unavailable
      icon={<ShieldLockRegular />}
      title="Administration is for service desk admins"
      backHref="#/requests"
      backLabel="Go to service requests"
    >
      Ask an admin to give you the ServiceDesk.Admin role of the Service Messaging app if you need to
      configure the desk.
    </Unavailable>
  );
}
