import {
  Badge,
  Button,
  Caption1,
  Card,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { AddRegular, DeleteRegular, EditRegular, MailSettingsRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { TMailAccount } from '../../../../../api/src/contract/mail-account';
import { EmptyState } from '../../../components/empty-state';
import { ErrorBar } from '../../../components/error-bar';
import { LoadingBlock } from '../../../components/loading-block';
import { PageHeader } from '../../../components/page-header';
import { useNotify } from '../../../components/use-notify';
import { useResource } from '../../../components/use-resource';
import { href } from '../../../routing/route';
import { useDesk } from '../../../session/desk-context';
import { ConfirmDialog } from '../confirm-dialog';
import { SecretExpiry } from './secret-expiry';

const useStyles = makeStyles({
  card: { padding: 0, overflowX: 'auto' },
  table: { minWidth: '760px' },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
  messages: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS },
});

const yesNo = (value: boolean) => (
  <Badge appearance={value ? 'filled' : 'outline'} color={value ? 'brand' : 'subtle'}>
    {value ? 'Yes' : 'No'}
  </Badge>
);

/** Administration > Mail > Accounts > Email: the M365 mailboxes the desk sends from and reads replies from. */
export function MailAccountsSection() {
  const styles = useStyles();
  const { api } = useDesk();
  const notify = useNotify();
  const accounts = useResource((signal) => api.listMailAccounts(signal), [api]);
  const [deleting, setDeleting] = useState<TMailAccount | undefined>(undefined);
  const restoreFocusTarget = useRestoreFocusTarget();
  const items = accounts.data?.items ?? [];
  const defaultAccount = items.find((a) => a.isDefault);

  const handleDelete = async (account: TMailAccount) => {
    await api.deleteMailAccount(account.id);
    accounts.setData((current) => ({ items: (current?.items ?? []).filter((a) => a.id !== account.id), total: (current?.total ?? 1) - 1 }));
    notify(`${account.emailAddress} removed`);
  };

  return (
    <>
      <PageHeader
        path="Administration > Mail > Accounts > Email"
        title="Email accounts"
        description="The Microsoft 365 mailboxes the desk sends from and reads replies from, through Microsoft Graph."
        actions={
          <Button as="a" href={href({ page: 'mail-account', accountId: 'new' })} appearance="primary" icon={<AddRegular />}>
            Add account
          </Button>
        }
      />
      {accounts.error && <ErrorBar error={accounts.error} title="Mail accounts could not be loaded" onRetry={accounts.reload} />}
      {!accounts.data && !accounts.error && <LoadingBlock label="Loading mail accounts…" />}
      {accounts.data && items.length > 0 && (
        <div className={styles.messages}>
          {!defaultAccount && (
            <MessageBar intent="warning">
              <MessageBarBody>No account is Default. Set one account as Default: outgoing email is sent from it.</MessageBarBody>
            </MessageBar>
          )}
          {defaultAccount && !defaultAccount.serviceMessaging && (
            <MessageBar intent="info">
              <MessageBarBody>Service Messaging is off for the Default account {defaultAccount.emailAddress}: replies are not turned into notes.</MessageBarBody>
            </MessageBar>
          )}
        </div>
      )}
      {accounts.data && items.length === 0 && (
        <Card>
          <EmptyState
            icon={<MailSettingsRegular />}
            title="No mail accounts yet"
            action={
              <Button as="a" href={href({ page: 'mail-account', accountId: 'new' })} appearance="primary">
                Add account
              </Button>
            }
          >
            Add the Microsoft 365 mailbox of your service desk with the tenant ID, client ID and client secret of its app registration. The setup checklist lists the steps.
          </EmptyState>
        </Card>
      )}
      {items.length > 0 && (
        <Card className={styles.card}>
          <Table className={styles.table} aria-label="Email accounts">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Email</TableHeaderCell>
                <TableHeaderCell>Default</TableHeaderCell>
                <TableHeaderCell>Service Messaging</TableHeaderCell>
                <TableHeaderCell>Mailbox folder</TableHeaderCell>
                <TableHeaderCell>Client secret</TableHeaderCell>
                <TableHeaderCell>
                  <span className={styles.muted}>Actions</span>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((account) => (
                <TableRow key={account.id}>
                  <TableCell>
                    <span className={styles.stack}>
                      <Link href={href({ page: 'mail-account', accountId: account.id })}>{account.emailAddress}</Link>
                      {account.displayName && <Caption1 className={styles.muted}>{account.displayName}</Caption1>}
                    </span>
                  </TableCell>
                  <TableCell>{yesNo(account.isDefault)}</TableCell>
                  <TableCell>{yesNo(account.serviceMessaging)}</TableCell>
                  <TableCell>
                    <span className={styles.stack}>
                      <Text>{account.folder}</Text>
                      <Caption1 className={styles.muted}>{account.userPrincipalName}</Caption1>
                    </span>
                  </TableCell>
                  <TableCell>
                    <span className={styles.stack}>
                      <Text>{account.clientSecret.isSet ? `Set, ends in …${account.clientSecret.last4 ?? ''}` : 'Not set'}</Text>
                      <Caption1 className={styles.muted}>
                        <SecretExpiry expiresAt={account.clientSecretExpiresAt} />
                      </Caption1>
                    </span>
                  </TableCell>
                  <TableCell>
                    <span className={styles.actions}>
                      <Button as="a" href={href({ page: 'mail-account', accountId: account.id })} appearance="subtle" icon={<EditRegular />} aria-label={`Edit ${account.emailAddress}`} />
                      <Button appearance="subtle" icon={<DeleteRegular />} aria-label={`Remove ${account.emailAddress}`} onClick={() => setDeleting(account)} {...restoreFocusTarget} />
                    </span>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      )}
      {deleting && (
        <ConfirmDialog
          title={`Remove ${deleting.emailAddress}?`}
          confirmLabel="Remove"
          onConfirm={() => handleDelete(deleting)}
          onClose={() => setDeleting(undefined)}
        >
          The desk stops sending from and reading this mailbox. The mailbox itself and its mail stay in Microsoft 365.
        </ConfirmDialog>
      )}
    </>
  );
}
