import {
  Button,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { TList } from '../../../../api/src/contract/common';
import type { TMailCenterItem } from '../../../../api/src/contract/mail-center';
import type { TServiceRequest } from '../../../../api/src/contract/service-request';
import { ErrorBar } from '../../components/error-bar';
import { formatAddress } from '../../components/formatters';
import { RelativeTime } from '../../components/relative-time';
import { useNotify } from '../../components/use-notify';
import { usePendingAction } from '../../components/use-pending-action';
import type { Resource } from '../../components/use-resource';
import { useDesk } from '../../session/desk-context';

/**
 * A reply the closed-SR policy held in the Mail Center, shown where the agent looks: on the SR. One click files it
 * (reopening the SR or not); the Mail Center item stays one link away.
 */
export function HeldReplyBanner(props: {
  sr: TServiceRequest;
  held: Resource<TList<TMailCenterItem>>;
  onFiled: () => void;
}) {
  const { api } = useDesk();
  const notify = useNotify();
  const { isBusy, pending, failure, run } = usePendingAction<'reopen' | 'keep'>();
  const item = props.held.data?.items[0];
  if (!item) return null;
  const count = props.held.data?.items.length ?? 0;

  const handleFile = (status: 'reopen' | 'keep') =>
    void run(status, 'The reply was not filed', async () => {
      await api.linkMailCenterItem(item.id, props.sr.number, status);
      notify(
        status === 'reopen' ? `${props.sr.number} reopened` : 'Reply filed',
        status === 'reopen'
          ? 'The reply is a note now, and the SR is open again.'
          : `The reply is a note now; ${props.sr.number} stays ${props.sr.status}.`,
      );
      props.onFiled();
    });

  return (
    <MessageBar intent="warning" layout="multiline" aria-label="Reply after closing">
      <MessageBarBody>
        <MessageBarTitle>A reply arrived after this SR was {props.sr.status.toLowerCase()}</MessageBarTitle>
        {formatAddress(item.from)} wrote <RelativeTime iso={item.receivedAt} />: “
        {item.bodyPreview.slice(0, 160)}
        {item.bodyPreview.length > 160 ? '…' : ''}”. It waits in the Mail Center
        {count > 1 ? `, with ${count - 1} more` : ''}.
        {failure && <ErrorBar error={failure.error} title={failure.title} />}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" disabled={isBusy} onClick={() => handleFile('reopen')}>
          {pending === 'reopen' ? 'Reopening…' : 'Reopen and file'}
        </Button>
        <Button disabled={isBusy} onClick={() => handleFile('keep')}>
          {pending === 'keep' ? 'Filing…' : 'File without reopening'}
        </Button>
        <Link href={`#/mail-center/${encodeURIComponent(item.id)}`}>Open in Mail Center</Link>
      </MessageBarActions>
    </MessageBar>
  );
}
