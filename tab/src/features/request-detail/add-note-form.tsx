import { Button, Card, Dropdown, Field, makeStyles, Option, Spinner, Textarea, tokens } from '@fluentui/react-components';
import { SendRegular } from '@fluentui/react-icons';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { TServiceRequest } from '../../../../api/src/contract/service-request';
import { ErrorBar } from '../../components/error-bar';
import { useNotify } from '../../components/use-notify';
import { usePendingAction } from '../../components/use-pending-action';
import { useResource } from '../../components/use-resource';
import { useDesk } from '../../session/desk-context';

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', justifyContent: 'space-between', flexWrap: 'wrap' },
});

export function AddNoteForm(props: { sr: TServiceRequest; onAdded: () => void }) {
  const styles = useStyles();
  const { api } = useDesk();
  const notify = useNotify();
  const types = useResource((signal) => api.listNoteTypes(signal), [api]);
  const [typeCode, setTypeCode] = useState('PUBLIC');
  const [body, setBody] = useState('');
  const { isBusy: isSaving, failure, run } = usePendingAction<'add'>();
  const selectedType = types.data?.items.find((t) => t.code === typeCode);

  const handleSubmit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!body.trim()) return;
    void run('add', 'The note was not added', async () => {
      await api.addNote(props.sr.number, { typeCode, body });
      setBody('');
      notify('Note added', `${props.sr.number} has a new ${typeCode} note.`);
      props.onAdded();
    });
  };

  // Ctrl+Enter (Cmd+Enter) sends, as in Teams' own compose box.
  const handleKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) handleSubmit();
  };

  return (
    <Card className={styles.card}>
      <form className={styles.form} onSubmit={handleSubmit} noValidate aria-label="Add a note">
        <Field label="New note" hint="Plain text or pasted HTML. Ctrl+Enter adds the note.">
          <Textarea value={body} onChange={(_, data) => setBody(data.value)} onKeyDown={handleKeyDown} resize="vertical" rows={4} />
        </Field>
        <div className={styles.row}>
          <Field label="Note type" hint={selectedType ? `Visible to access level ${selectedType.accessLevel}` : undefined}>
            <Dropdown value={selectedType ? `${selectedType.name} (${selectedType.code})` : typeCode} selectedOptions={[typeCode]} onOptionSelect={(_, data) => setTypeCode(data.optionValue ?? 'PUBLIC')}>
              {(types.data?.items ?? []).map((type) => (
                <Option key={type.code} value={type.code} text={`${type.name} (${type.code})`}>
                  {type.name} ({type.code})
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Button appearance="primary" type="submit" icon={isSaving ? <Spinner size="tiny" /> : <SendRegular />} disabled={!body.trim() || isSaving}>
            Add note
          </Button>
        </div>
        {failure && <ErrorBar error={failure.error} title={failure.title} />}
      </form>
    </Card>
  );
}
