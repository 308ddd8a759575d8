import { CompassNorthwestRegular } from '@fluentui/react-icons';
import { Unavailable } from './unavailable';

export function NotFound() {
  return (
    <Unavailable
      icon={<CompassNorthwestRegular />}
      title="This page is not available"
      backHref="#/requests"
      backLabel="Go to service requests"
    >
      The link may be old, or this server does not have that feature yet.
    </Unavailable>
  );
}
