import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, makeStyles, Radio, RadioGroup, Spinner, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { TNoteType } from '../../../../../api/src/contract/note-type';
import { ErrorBar } from '../../../components/error-bar';
import { fieldErrors } from '../../../components/field-errors';
import { useDesk } from '../../../session/desk-context';
import { ACCESS_LEVEL_TEXT, ACCESS_LEVELS } from './access-levels';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

export function NoteTypeDialog(props: { existing?: TNoteType; initial?: Partial<TNoteType>; onSaved: (type: TNoteType) => void; onClose: () => void }) {
  const styles = useStyles();
  const { api } = useDesk();
  const { existing } = props;
  const [code, setCode] = useState(props.initial?.code ?? '');
  const [name, setName] = useState(props.initial?.name ?? '');
  const [accessLevel, setAccessLevel] = useState<TNoteType['accessLevel']>(props.initial?.accessLevel ?? 'Agent');
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<Error | undefined>(undefined);
  const problems = fieldErrors(error);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setIsSaving(true);
    setError(undefined);
    try {
      const saved = existing ? await api.updateNoteType(existing.code, { name, accessLevel }) : await api.createNoteType({ code, name, accessLevel });
      props.onSaved(saved);
      props.onClose();
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
      setIsSaving(false);
    }
  };

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && props.onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={handleSubmit}>
          <DialogBody>
            <DialogTitle>{existing ? `Edit note type ${existing.code}` : 'Add a note type'}</DialogTitle>
            <DialogContent className={styles.form}>
              <Field label="Code" required validationMessage={problems.code} hint={existing ? 'The code cannot change: notes refer to it.' : 'Letters, digits, - and _; stored in capitals.'}>
                <Input value={code} onChange={(_, data) => setCode(data.value)} disabled={existing !== undefined} />
              </Field>
              <Field label="Name" required validationMessage={problems.name}>
                <Input value={name} onChange={(_, data) => setName(data.value)} />
              </Field>
              <Field label="Access level" validationMessage={problems.accessLevel}>
                <RadioGroup value={accessLevel} onChange={(_, data) => setAccessLevel(data.value as TNoteType['accessLevel'])}>
                  {ACCESS_LEVELS.map((level) => (
                    <Radio key={level} value={level} label={ACCESS_LEVEL_TEXT[level]} />
                  ))}
                </RadioGroup>
              </Field>
              {error && <ErrorBar error={error} title="The note type was not saved" />}
            </DialogContent>
            <DialogActions>
              <Button onClick={props.onClose} disabled={isSaving}>
                Cancel
              </Button>
              <Button appearance="primary" type="submit" disabled={isSaving} icon={isSaving ? <Spinner size="tiny" /> : undefined}>
                Save
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
