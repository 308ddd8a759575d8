import { Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import type { TNoteType } from '../../../../../api/src/contract/note-type';
import { FormDialog } from '../../../components/form-dialog';
import { RadioField } from '../../../components/radio-field';
import { useDesk } from '../../../session/desk-context';
import { ACCESS_LEVEL_TEXT } from './access-levels';

export function NoteTypeDialog(props: {
  existing?: TNoteType;
  initial?: Partial<TNoteType>;
  onSaved: (type: TNoteType) => void;
  onClose: () => void;
}) {
  const { api } = useDesk();
  const { existing } = props;
  const [code, setCode] = useState(props.initial?.code ?? '');
  const [name, setName] = useState(props.initial?.name ?? '');
  const [accessLevel, setAccessLevel] = useState<TNoteType['accessLevel']>(
    props.initial?.accessLevel ?? 'Agent',
  );

  const handleSubmit = async () => {
    props.onSaved(
      existing
        ? await api.updateNoteType(existing.code, { name, accessLevel })
        : await api.createNoteType({ code, name, accessLevel }),
    );
  };

  return (
    <FormDialog
      title={existing ? `Edit note type ${existing.code}` : 'Add a note type'}
      submitLabel="Save"
      failedTitle="The note type was not saved"
      onSubmit={handleSubmit}
      onClose={props.onClose}
    >
      {(problems) => (
        <>
          <Field
            label="Code"
            required
            validationMessage={problems.code}
            hint={
              existing
                ? 'The code cannot change: notes refer to it.'
                : 'Letters, digits, - and _; stored in capitals.'
            }
          >
            <Input
              value={code}
              onChange={(_, data) => setCode(data.value)}
              disabled={existing !== undefined}
            />
          </Field>
          <Field label="Name" required validationMessage={problems.name}>
            <Input value={name} onChange={(_, data) => setName(data.value)} />
          </Field>
          <RadioField
            label="Access level"
            options={ACCESS_LEVEL_TEXT}
            value={accessLevel}
            onChange={setAccessLevel}
            validationMessage={problems.accessLevel}
          />
        </>
      )}
    </FormDialog>
  );
}
