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
import {
  draftFromAccount,
  NEW_ACCOUNT,
  toCreateBody,
  toUpdateBody,
  type AccountDraft,
} from './account-draft';
import { DefaultChangeDialog } from './default-change-dialog';
import { MailAccountForm } from './mail-account-form';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '880px' },
});

const listHref = href({ page: 'admin', section: 'accounts' });
const SENT_FROM_DEFAULT = 'rule emails and the emails agents send from SRs';

export function MailAccountEditor(props: { account?: TMailAccount; accounts: TMailAccount[] }) {
  const styles = useStyles();
  const { api } = useDesk();
  const notify = useNotify();
  const { account } = props;
  const [draft, setDraft] = useState<AccountDraft>(() => (account ? draftFromAccount(account) : NEW_ACCOUNT));
  const [isConfirming, setIsConfirming] = useState(false);
  const save = usePendingAction<'save' | 'default-change'>();
  // Only one account can be Default. Taking it from another is confirmed here and tested by the API, which
  // refuses (at the Default switch) an account that could not send.
  const currentDefault = props.accounts.find((a) => a.isDefault && a.id !== account?.id);
  const isTakingDefault = draft.isDefault && !account?.isDefault && currentDefault !== undefined;
  const isGivingUpDefault = account?.isDefault === true && !draft.isDefault;

  const saveAccount = (replacesDefault?: string) =>
    void save.run(replacesDefault ? 'default-change' : 'save', 'The account was not saved', async () => {
      const confirmation = replacesDefault ? { replacesDefault } : {};
      const saved = account
        ? await api.updateMailAccount(account.id, { ...toUpdateBody(draft, account), ...confirmation })
        : await api.createMailAccount({ ...toCreateBody(draft), ...confirmation });
      notify(`${saved.emailAddress} saved`, saved.isDefault ? 'It is the Default account.' : undefined);
      navigate(listHref);
    });

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (isTakingDefault) setIsConfirming(true);
    else saveAccount();
  };

  return (
    <form className={styles.form} onSubmit={handleSubmit} noValidate>
      <PageHeader
        path="Administration > Mail > Accounts > Email"
        title={account ? account.emailAddress : 'Add an email account'}
        description="Values from the app registration's Overview page (Directory and Application IDs) and its Certificates & secrets page."
      />
      <MailAccountForm
        draft={draft}
        onChange={setDraft}
        account={account}
        problems={fieldErrors(save.failure?.error)}
        disabled={save.isBusy}
      />
      {isTakingDefault && (
        <MessageBar intent="info">
          <MessageBarBody>
            {currentDefault.emailAddress} is the Default account now: {SENT_FROM_DEFAULT} go out from it.
            Saving asks you to confirm the change and tests this account first.
          </MessageBarBody>
        </MessageBar>
      )}
      {isGivingUpDefault && (
        <MessageBar intent="warning">
          <MessageBarBody>
            With no Default account, {SENT_FROM_DEFAULT} cannot be sent. Make another account the Default
            instead to move them there.
          </MessageBarBody>
        </MessageBar>
      )}
      <SaveActions
        isSaving={save.isBusy}
        busyLabel={save.pending === 'default-change' ? 'Testing the connection…' : undefined}
        cancelHref={listHref}
        failure={save.failure}
      />
      {isConfirming && currentDefault && (
        <DefaultChangeDialog
          from={currentDefault.emailAddress}
          to={draft.emailAddress.trim()}
          onConfirm={() => saveAccount(currentDefault.id)}
          onClose={() => setIsConfirming(false)}
        />
      )}
    </form>
  );
}
