import { Badge } from '@fluentui/react-components';
import { formatDate } from '../../../components/formatters';
import { daysUntil } from './account-draft';

// Health warns 30 and 7 days ahead; the list shows the same so an admin renews the secret in time.
export function SecretExpiry(props: { expiresAt?: string }) {
  if (!props.expiresAt) return null;
  const days = daysUntil(props.expiresAt);
  if (days < 0) {
    return (
      <Badge appearance="filled" color="danger">
        Expired {formatDate(props.expiresAt)}
      </Badge>
    );
  }
  if (days <= 30) {
    return (
      <Badge appearance="tint" color={days <= 7 ? 'danger' : 'warning'}>
        Expires in {days} {days === 1 ? 'day' : 'days'}
      </Badge>
    );
  }
  return <>Expires {formatDate(props.expiresAt)}</>;
}
