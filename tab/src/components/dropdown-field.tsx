import { Dropdown, Field, Option } from '@fluentui/react-components';

/** What a labelled choice takes, as a dropdown (DropdownField) or as radios (RadioField). */
export type ChoiceFieldProps<V extends string> = {
  label: string;
  options: Readonly<Record<V, string>>;
  value: V;
  onChange: (value: V) => void;
  className?: string;
  hint?: string;
  validationMessage?: string;
  disabled?: boolean;
};

/** A labelled choice among a set of values, each with the words people see (state, reason, trigger…). */
export function DropdownField<V extends string>(props: ChoiceFieldProps<V>) {
  const { options, value, onChange } = props;
  return (
    <Field
      label={props.label}
      className={props.className}
      hint={props.hint}
      validationMessage={props.validationMessage}
    >
      <Dropdown
        value={options[value] ?? value}
        selectedOptions={[value]}
        disabled={props.disabled}
        onOptionSelect={(_, data) => data.optionValue !== undefined && onChange(data.optionValue as V)}
      >
        {(Object.entries(options) as [V, string][]).map(([option, label]) => (
          <Option key={option} value={option}>
            {label}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
