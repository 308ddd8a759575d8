import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import type { ChoiceFieldProps } from './dropdown-field';

/** Like DropdownField, with every option in view: for a few choices whose words are whole sentences (a policy, an access level). */
export function RadioField<V extends string>(props: ChoiceFieldProps<V>) {
  return (
    <Field
      label={props.label}
      className={props.className}
      hint={props.hint}
      validationMessage={props.validationMessage}
    >
      <RadioGroup
        value={props.value}
        disabled={props.disabled}
        onChange={(_, data) => props.onChange(data.value as V)}
      >
        {(Object.entries(props.options) as [V, string][]).map(([option, label]) => (
          <Radio key={option} value={option} label={label} />
        ))}
      </RadioGroup>
    </Field>
  );
}
