import { makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { TMailAccount } from '../../../../../api/src/contract/mail-account';
import { fieldErrors } from '../../../../../web-shared/field-errors';
import { PageHeader } from '../../../components/page-header';
import { SaveActions } from '../../../components/save-actions';
import { useNotify } from '../../../components/use-notify';
import { usePendingAction } from '../../../components/use-pending-action';
import { href } from '../../../routing/route';
import { navigate } from '../../../routing/use-hash-route';
import { useDesk } from '../../../session/desk-context';
import { draftFromAccount, NEW_ACCOUNT, toCreateBody, toUpdateBody, type AccountDraft } from './account-draft';
import { MailAccountForm } from './mail-account-form';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '880px' },
});

const listHref = href({ page: 'admin', section: 'accounts' });

export function MailAccountEditor(props: { account?: TMailAccount; accounts: TMailAccount[] }) {
  const styles = useStyles();
  const { api } = useDesk();
  const notify = useNotify();
  const { account } = props;
  const [draft, setDraft] = useState<AccountDraft>(() => (account ? draftFromAccount(account) : NEW_ACCOUNT));
  const save = usePendingAction<'save'>();
  // Only one account can be Default: making this one Default takes it from the other (and gives it back on failure).
  const currentDefault = props.accounts.find((a) => a.isDefault && a.id !== account?.id);
  const isTakingDefault = draft.isDefault && currentDefault !== undefined;

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const handOver = isTakingDefault ? currentDefault : undefined;
    void save.run('save', 'The account was not saved', async () => {
      if (handOver) await api.updateMailAccount(handOver.id, { isDefault: false });
      try {
        const saved = account ? await api.updateMailAccount(account.id, toUpdateBody(draft, account)) : await api.createMailAccount(toCreateBody(draft));
        notify(`${saved.emailAddress} saved`, saved.isDefault ? 'It is the Default account.' : undefined);
        navigate(listHref);
      } catch (err) {
        if (handOver) await api.updateMailAccount(handOver.id, { isDefault: true }).catch(() => undefined);
        throw err;
      }
    });
  };

  return (
    <form className={styles.form} onSubmit={handleSubmit} noValidate>
      <PageHeader
        path="Administration > Mail > Accounts > Email"
        title={account ? account.emailAddress : 'Add an email account'}
        description="Values from the app registration's Overview page (Directory and Application IDs) and its Certificates & secrets page."
      />
      <MailAccountForm draft={draft} onChange={setDraft} account={account} problems={fieldErrors(save.failure?.error)} disabled={save.isBusy} />
      {isTakingDefault && (
        <MessageBar intent="info">
          <MessageBarBody>
            {currentDefault.emailAddress} is the Default account now. Saving makes this account the Default instead: only one account can be Default.
          </MessageBarBody>
        </MessageBar>
      )}
      <SaveActions isSaving={save.isBusy} cancelHref={listHref} failure={save.failure} />
    </form>
  );
}
