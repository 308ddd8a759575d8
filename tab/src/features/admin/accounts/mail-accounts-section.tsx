import {
  Badge,
  Caption1,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  TableCell,
  Text,
  tokens,
} from '@fluentui/react-components';
import { MailSettingsRegular } from '@fluentui/react-icons';
import type { TMailAccount } from '../../../../../api/src/contract/mail-account';
import { useResource } from '../../../components/use-resource';
import { href } from '../../../routing/route';
import { useDesk } from '../../../session/desk-context';
import { AdminSection } from '../admin-section';
import { SecretExpiry } from './secret-expiry';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
  messages: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalM,
  },
});

const accountHref = (accountId: string) => href({ page: 'mail-account', accountId });

const yesNo = (value: boolean) => (
  <Badge appearance={value ? 'filled' : 'outline'} color={value ? 'brand' : 'subtle'}>
    {value ? 'Yes' : 'No'}
  </Badge>
);

/** Administration > Mail > Accounts > Email: the M365 mailboxes the desk sends from and reads replies from. */
export function MailAccountsSection() {
  const styles = useStyles();
  const { api } = useDesk();
  const accounts = useResource((signal) => api.listMailAccounts(signal), [api]);
  const items = accounts.data?.items ?? [];
  const defaultAccount = items.find((a) => a.isDefault);

  return (
    <AdminSection
      path="Administration > Mail > Accounts > Email"
      title="Email accounts"
      description="The Microsoft 365 mailboxes the desk sends from and reads replies from, through Microsoft Graph."
      add={{ label: 'Add account', href: accountHref('new') }}
      resource={accounts}
      loadingLabel="Loading mail accounts…"
      failedTitle="Mail accounts could not be loaded"
      notice={
        items.length > 0 && (
          <div className={styles.messages}>
            {!defaultAccount && (
              <MessageBar intent="warning">
                <MessageBarBody>
                  No account is Default. Set one account as Default: outgoing email is sent from it.
                </MessageBarBody>
              </MessageBar>
            )}
            {defaultAccount && !defaultAccount.serviceMessaging && (
              <MessageBar intent="info">
                <MessageBarBody>
                  Service Messaging is off for the Default account {defaultAccount.emailAddress}: replies are
                  not turned into notes.
                </MessageBarBody>
              </MessageBar>
            )}
          </div>
        )
      }
      empty={{
        icon: <MailSettingsRegular />,
        title: 'No mail accounts yet',
        text: 'Add the Microsoft 365 mailbox of your service desk with the tenant ID, client ID and client secret of its app registration. The setup checklist lists the steps.',
      }}
      table={{
        label: 'Email accounts',
        minWidth: '760px',
        columns: ['Email', 'Default', 'Service Messaging', 'Mailbox folder', 'Client secret'],
        rowKey: (account: TMailAccount) => account.id,
        cells: (account) => (
          <>
            <TableCell>
              <span className={styles.stack}>
                <Link href={accountHref(account.id)}>{account.emailAddress}</Link>
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
                <Text>
                  {account.clientSecret.isSet
                    ? `Set, ends in …${account.clientSecret.last4 ?? ''}`
                    : 'Not set'}
                </Text>
                <Caption1 className={styles.muted}>
                  <SecretExpiry expiresAt={account.clientSecretExpiresAt} />
                </Caption1>
              </span>
            </TableCell>
          </>
        ),
      }}
      itemName={(account) => account.emailAddress}
      edit={{ href: (account) => accountHref(account.id) }}
      remove={{
        verb: 'Remove',
        title: (account) => `Remove ${account.emailAddress}?`,
        text: () =>
          'The desk stops sending from and reading this mailbox. The mailbox itself and its mail stay in Microsoft 365.',
        run: (account) => api.deleteMailAccount(account.id),
        done: (account) => `${account.emailAddress} removed`,
      }}
    />
  );
}
