import { Button } from '@fluentui/react-components';
import { EmptyState } from '../../../components/empty-state';
import { ErrorBar } from '../../../components/error-bar';
import { LoadingBlock } from '../../../components/loading-block';
import { useResource } from '../../../components/use-resource';
import { href } from '../../../routing/route';
import { useDesk } from '../../../session/desk-context';
import { MailAccountEditor } from './mail-account-editor';

/** #/admin/accounts/new or #/admin/accounts/<id>: loads every account (Default is a rule across them). */
export function MailAccountPage(props: { accountId: string }) {
  const { api } = useDesk();
  const accounts = useResource((signal) => api.listMailAccounts(signal), [api]);
  const isNew = props.accountId === 'new';

  if (accounts.error) return <ErrorBar error={accounts.error} title="Mail accounts could not be loaded" onRetry={accounts.reload} />;
  if (!accounts.data) return <LoadingBlock label="Loading the mail account…" />;
  const account = accounts.data.items.find((a) => a.id === props.accountId);
  if (!isNew && !account) {
    return (
      <EmptyState
        title="This mail account does not exist"
        action={
          <Button as="a" href={href({ page: 'admin', section: 'accounts' })} appearance="primary">
            Back to email accounts
          </Button>
        }
      >
        It may have been removed by another admin.
      </EmptyState>
    );
  }
  return <MailAccountEditor account={account} accounts={accounts.data.items} />;
}
