import { makeStyles, tokens } from '@fluentui/react-components';
import { isLoaded, LoadState } from '../../../components/load-state';
import { Unavailable } from '../../../components/unavailable';
import { useResource } from '../../../components/use-resource';
import { href } from '../../../routing/route';
import { useDesk } from '../../../session/desk-context';
import { AccountHealthPanel } from './account-health-panel';
import { MailAccountEditor } from './mail-account-editor';

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 880px) minmax(300px, 1fr)',
    gap: tokens.spacingHorizontalXL,
    alignItems: 'start',
    '@media (max-width: 1100px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
});

/** #/admin/accounts/new or #/admin/accounts/<id>: loads every account (Default is a rule across them). */
export function MailAccountPage(props: { accountId: string }) {
  const styles = useStyles();
  const { api } = useDesk();
  const accounts = useResource((signal) => api.listMailAccounts(signal), [api]);
  const isNew = props.accountId === 'new';

  if (!isLoaded(accounts))
    return (
      <LoadState
        resource={accounts}
        loadingLabel="Loading the mail account…"
        failedTitle="Mail accounts could not be loaded"
      />
    );
  const account = accounts.data.items.find((a) => a.id === props.accountId);
  if (!isNew && !account) {
    return (
      <Unavailable
        title="This mail account does not exist"
        backHref={href({ page: 'admin', section: 'accounts' })}
        backLabel="Back to email accounts"
      >
        It may have been removed by another admin.
      </Unavailable>
    );
  }
  if (!account) return <MailAccountEditor accounts={accounts.data.items} />;
  // Health, Test connection and Sync now need a saved account; they sit next to its settings.
  return (
    <div className={styles.layout}>
      <MailAccountEditor account={account} accounts={accounts.data.items} />
      <AccountHealthPanel accountId={account.id} />
    </div>
  );
}
