import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { TMailAccount } from '../../../../../api/src/contract/mail-account';
import { ErrorBar } from '../../../components/error-bar';
import { fieldErrors } from '../../../components/field-errors';
import { PageHeader } from '../../../components/page-header';
import { useNotify } from '../../../components/use-notify';
import { href } from '../../../routing/route';
import { navigate } from '../../../routing/use-hash-route';
import { useDesk } from '../../../session/desk-context';
import { draftFromAccount, NEW_ACCOUNT, toCreateBody, toUpdateBody, type AccountDraft } from './account-draft';
import { MailAccountForm } from './mail-account-form';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '880px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

const listHref = href({ page: 'admin', section: 'accounts' });

export function MailAccountEditor(props: { account?: TMailAccount; accounts: TMailAccount[] }) {
  const styles = useStyles();
  const { api } = useDesk();
  const notify = useNotify();
  const { account } = props;
  const [draft, setDraft] = useState<AccountDraft>(() => (account ? draftFromAccount(account) : NEW_ACCOUNT));
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<Error | undefined>(undefined);
  // Only one account can be Default: making this one Default takes it from the other (and gives it back on failure).
  const currentDefault = props.accounts.find((a) => a.isDefault && a.id !== account?.id);
  const isTakingDefault = draft.isDefault && currentDefault !== undefined;

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setIsSaving(true);
    setError(undefined);
    const handOver = isTakingDefault ? currentDefault : undefined;
    try {
      if (handOver) await api.updateMailAccount(handOver.id, { isDefault: false });
      try {
        const saved = account ? await api.updateMailAccount(account.id, toUpdateBody(draft, account)) : await api.createMailAccount(toCreateBody(draft));
        notify(`${saved.emailAddress} saved`, saved.isDefault ? 'It is the Default account.' : undefined);
        navigate(listHref);
      } catch (err) {
        if (handOver) await api.updateMailAccount(handOver.id, { isDefault: true }).catch(() => undefined);
        throw err;
      }
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
      setIsSaving(false);
    }
  };

  return (
    <form className={styles.form} onSubmit={handleSubmit} noValidate>
      <PageHeader
        path="Administration > Mail > Accounts > Email"
        title={account ? account.emailAddress : 'Add an email account'}
        description="Values from the app registration's Overview page (Directory and Application IDs) and its Certificates & secrets page."
      />
      <MailAccountForm draft={draft} onChange={setDraft} account={account} problems={fieldErrors(error)} disabled={isSaving} />
      {isTakingDefault && (
        <MessageBar intent="info">
          <MessageBarBody>
            {currentDefault.emailAddress} is the Default account now. Saving makes this account the Default instead: only one account can be Default.
          </MessageBarBody>
        </MessageBar>
      )}
      {error && <ErrorBar error={error} title="The account was not saved" />}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={isSaving} icon={isSaving ? <Spinner size="tiny" /> : undefined}>
          {isSaving ? 'Saving…' : 'Save'}
        </Button>
        <Button as="a" href={listHref}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
