import { CounterBadge } from '@fluentui/react-components';
import { useResource } from '../../components/use-resource';
import { useLiveChange } from '../../live/live-changes';
import { useDesk } from '../../session/desk-context';

/** The number of Mail Center emails waiting for an agent, beside the nav entry, kept current by the event stream. */
export function OpenMailCount() {
  const { api } = useDesk();
  const open = useResource((signal) => api.listMailCenter({ state: 'open', limit: 1 }, signal), [api]);
  useLiveChange((change) => change.collections.includes('mailCenter'), open.reload);
  const count = open.data?.total ?? 0;
  if (count === 0) return null;
  return (
    <CounterBadge
      count={count}
      overflowCount={999}
      size="small"
      color="danger"
      aria-label={`${count} waiting`}
      data-testid="open-mail-count"
    />
  );
}
