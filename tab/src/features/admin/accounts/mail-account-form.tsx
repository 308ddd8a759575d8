import { Card, Field, Input, makeStyles, Subtitle2, Switch, Text, tokens } from '@fluentui/react-components';
import type { TMailAccount } from '../../../../../api/src/contract/mail-account';
import { RadioField } from '../../../components/radio-field';
import type { AccountDraft, AfterProcessing, Transport } from './account-draft';
import { ImapSmtpFields } from './imap-smtp-fields';

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalM },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(300px, 1fr))',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    alignItems: 'start',
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

const TRANSPORTS: Record<Transport, string> = {
  graph: 'Microsoft Graph: a Microsoft 365 mailbox through the app registration (recommended)',
  'imap-smtp':
    'IMAP and SMTP: any mail server (Microsoft 365 with OAuth 2.0, Google Workspace, Exchange on-premises …)',
};

const AFTER_PROCESSING: Record<AfterProcessing, string> = {
  'mark-read': 'Mark mail as read (it stays in the folder)',
  move: 'Move mail to this folder after processing',
  delete: 'Remove mail from mailbox',
};

type Props = {
  draft: AccountDraft;
  onChange: (next: AccountDraft) => void;
  account?: TMailAccount;
  problems: Record<string, string>;
  disabled: boolean;
};

// Labels are the seed guides' ("Default", "Service Messaging", "Directory (tenant) ID", "Client Secret
// Value", "Name of the folder to check for unread email" ...): admins follow those guides.
export function MailAccountForm(props: Props) {
  const styles = useStyles();
  const { draft, problems, disabled } = props;
  const set = <K extends keyof AccountDraft>(key: K, value: AccountDraft[K]) =>
    props.onChange({ ...draft, [key]: value });
  const text = (key: keyof AccountDraft) => ({
    value: String(draft[key]),
    disabled,
    onChange: (_: unknown, data: { value: string }) => set(key, data.value as never),
  });
  const secret = props.account?.clientSecret;
  const usesApp = draft.transport === 'graph' || draft.authMethod === 'oauth2';

  return (
    <>
      <Card className={styles.card}>
        <Subtitle2 as="h2">Mailbox</Subtitle2>
        <div className={styles.grid}>
          <Field
            label="Email"
            required
            validationMessage={problems.emailAddress}
            hint="The desk's Microsoft 365 mailbox: a shared mailbox (it needs no licence) or a user mailbox."
          >
            <Input type="email" {...text('emailAddress')} />
          </Field>
          <Field
            label="Display name"
            validationMessage={problems.displayName}
            hint="Shown as the sender name, e.g. Contoso Service Desk."
          >
            <Input {...text('displayName')} />
          </Field>
          <Field
            label="Default"
            hint="Only one mailbox can be the Default: rule emails and the emails agents send from SRs go out from it."
            validationMessage={problems.isDefault}
          >
            <Switch
              checked={draft.isDefault}
              disabled={disabled}
              onChange={(_, data) => set('isDefault', data.checked)}
              label={draft.isDefault ? 'Yes' : 'No'}
            />
          </Field>
          <Field
            label="Service Messaging"
            hint="Replies to emails from an SR become PUBLIC notes on it. Needs the client secret and the PUBLIC note type."
            validationMessage={problems.serviceMessaging}
          >
            <Switch
              checked={draft.serviceMessaging}
              disabled={disabled}
              onChange={(_, data) => set('serviceMessaging', data.checked)}
              label={draft.serviceMessaging ? 'Yes' : 'No'}
            />
          </Field>
        </div>
      </Card>

      <Card className={styles.card}>
        <Subtitle2 as="h2">Connection</Subtitle2>
        <RadioField
          label="How the desk reaches the mailbox"
          options={TRANSPORTS}
          value={draft.transport}
          onChange={(value) => set('transport', value)}
          validationMessage={problems.transport}
          disabled={disabled}
        />
        {draft.transport === 'imap-smtp' && (
          <ImapSmtpFields
            draft={draft}
            set={set}
            onChange={props.onChange}
            text={text}
            {...(props.account ? { account: props.account } : {})}
            problems={problems}
            disabled={disabled}
          />
        )}
      </Card>

      {usesApp && (
        <Card className={styles.card}>
          <Subtitle2 as="h2">M365 tenant details</Subtitle2>
          <Text className={styles.muted}>
            From the Enterprise application (app registration) your Entra administrator created for the desk's
            mail.
          </Text>
          <div className={styles.grid}>
            <Field
              label="Directory (tenant) ID"
              required
              validationMessage={problems.tenantId}
              hint="Overview > Directory (tenant) ID"
            >
              <Input {...text('tenantId')} placeholder="00000000-0000-0000-0000-000000000000" />
            </Field>
            <Field
              label="Application (client) ID"
              required
              validationMessage={problems.clientId}
              hint="Overview > Application (client) ID"
            >
              <Input {...text('clientId')} placeholder="00000000-0000-0000-0000-000000000000" />
            </Field>
            <Field
              label="Client secret"
              validationMessage={problems.clientSecret}
              hint={
                secret?.isSet
                  ? `Set, ends in …${secret.last4 ?? ''}. Leave empty to keep it; type a new value to replace it.`
                  : 'Certificates & secrets > Client secrets > Value. It is stored encrypted and never shown again.'
              }
            >
              <Input
                type="password"
                autoComplete="new-password"
                {...text('clientSecret')}
                placeholder={secret?.isSet ? '••••••••' : ''}
              />
            </Field>
            <Field
              label="Client secret expires"
              validationMessage={problems.clientSecretExpiresAt}
              hint="The expiry you chose when creating the secret; the desk warns 30 and 7 days ahead."
            >
              <Input type="date" {...text('clientSecretExpiresAt')} />
            </Field>
          </div>
        </Card>
      )}

      <Card className={styles.card}>
        <Subtitle2 as="h2">Incoming mail</Subtitle2>
        <div className={styles.grid}>
          <Field
            label="User Principal Name"
            validationMessage={problems.userPrincipalName}
            hint="The UPN of the mailbox in Exchange Online; empty means the email address."
          >
            <Input type="email" {...text('userPrincipalName')} placeholder={draft.emailAddress} />
          </Field>
          <Field
            label="Name of the folder to check for unread email"
            validationMessage={problems.folder}
            hint="Only unread mail in this folder is processed."
          >
            <Input {...text('folder')} />
          </Field>
        </div>
        <RadioField
          label="After processing"
          options={AFTER_PROCESSING}
          value={draft.afterProcessing}
          onChange={(value) => set('afterProcessing', value)}
          validationMessage={problems.afterProcessing}
          disabled={disabled}
        />
        {draft.afterProcessing === 'move' && (
          <Field label="Move mail to this folder" required validationMessage={problems.moveToFolder}>
            <Input {...text('moveToFolder')} placeholder="Processed" />
          </Field>
        )}
      </Card>

      {draft.transport === 'graph' && (
        <Card className={styles.card}>
          <Subtitle2 as="h2">Servers</Subtitle2>
          <Text className={styles.muted}>
            The classic setup's host and port values (they default to 143 and 587). With Microsoft Graph they
            are kept but not used; choose IMAP and SMTP above to use them.
          </Text>
          <div className={styles.grid}>
            <Field label="Incoming host" validationMessage={problems.incomingHost}>
              <Input {...text('incomingHost')} />
            </Field>
            <Field label="Incoming port" validationMessage={problems.incomingPort}>
              <Input type="number" min={1} max={65535} {...text('incomingPort')} />
            </Field>
            <Field label="Outgoing host" validationMessage={problems.outgoingHost}>
              <Input {...text('outgoingHost')} />
            </Field>
            <Field label="Outgoing port" validationMessage={problems.outgoingPort}>
              <Input type="number" min={1} max={65535} {...text('outgoingPort')} />
            </Field>
          </div>
        </Card>
      )}
    </>
  );
}
