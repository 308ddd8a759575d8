import { Dropdown, Field, Option } from '@fluentui/react-components';
import { useResource } from '../../../components/use-resource';
import { useDesk } from '../../../session/desk-context';

/**
 * The type of a note that is not emailed: INTERNAL by default, or any type the admins defined. PUBLIC is left out on
 * purpose: a PUBLIC note is what the customer's side of the conversation holds, so it comes from "Reply to customer".
 */
export function NoteTypePicker(props: {
  value: string;
  onChange: (code: string) => void;
  disabled?: boolean;
}) {
  const { api } = useDesk();
  const types = useResource((signal) => api.listNoteTypes(signal), [api]);
  const choices = (types.data?.items ?? []).filter((type) => type.code !== 'PUBLIC');
  const selected = choices.find((type) => type.code === props.value);
  return (
    <Field
      label="Note type"
      orientation="horizontal"
      hint={selected ? `Visible to access level ${selected.accessLevel}` : undefined}
    >
      <Dropdown
        size="small"
        disabled={props.disabled}
        value={selected ? `${selected.name} (${selected.code})` : props.value}
        selectedOptions={[props.value]}
        onOptionSelect={(_, data) => props.onChange(data.optionValue ?? 'INTERNAL')}
      >
        {choices.map((type) => (
          <Option key={type.code} value={type.code} text={`${type.name} (${type.code})`}>
            {type.name} ({type.code})
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
