import {
  Checkbox,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  Switch,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { StatusOption } from '../../../api/desk-api';
import type { TMailTemplate } from '../../../../../api/src/contract/mail-template';
import type { TRule, TSaveRule } from '../../../../../api/src/contract/rule';
import { DropdownField } from '../../../components/dropdown-field';
import { FormDialog } from '../../../components/form-dialog';
import { splitEmails } from '../../requests/split-emails';
import { RECIPIENT_LABELS, TRIGGER_LABELS, type RuleRecipient, type RuleTrigger } from './describe-rule';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '160px' },
  checks: { display: 'flex', flexDirection: 'column' },
});

const ANY_STATUS = 'any';

/** An address the API refused belongs under "Other addresses"; "To" keeps the problems of the list itself. */
const addressProblemOf = (problems: Record<string, string>) =>
  Object.entries(problems).find(([path]) => /^recipients\.\d+\.address$/.test(path))?.[1];
type RoleKind = keyof typeof RECIPIENT_LABELS;

/** Adds or edits a rule: when (trigger) → which template → to whom. */
export function RuleDialog(props: {
  rule?: TRule;
  templates: TMailTemplate[];
  statuses: StatusOption[];
  onSave: (body: TSaveRule) => Promise<void>;
  onClose: () => void;
}) {
  const styles = useStyles();
  const { rule, templates, statuses } = props;
  const [name, setName] = useState(rule?.name ?? '');
  const [enabled, setEnabled] = useState(rule?.enabled ?? true);
  const [trigger, setTrigger] = useState<RuleTrigger>(rule?.trigger ?? { kind: 'status-changed' });
  const [templateId, setTemplateId] = useState(
    rule?.templateId ?? templates.find((t) => t.purpose === 'rule')?.id ?? '',
  );
  const [roles, setRoles] = useState<RoleKind[]>(
    () => rule?.recipients.flatMap((r) => (r.kind === 'address' ? [] : [r.kind])) ?? ['requester'],
  );
  const [addresses, setAddresses] = useState(
    () => rule?.recipients.flatMap((r) => (r.kind === 'address' ? [r.address] : [])).join(', ') ?? '',
  );
  const template = templates.find((t) => t.id === templateId);
  const statusOptions: Record<string, string> = {
    [ANY_STATUS]: 'Any status',
    ...Object.fromEntries(statuses.map((status) => [status.name, status.name])),
  };

  const handleSubmit = () => {
    const recipients: RuleRecipient[] = [
      ...roles.map((kind) => ({ kind })),
      ...splitEmails(addresses).map((address) => ({ kind: 'address' as const, address })),
    ];
    return props.onSave({ name, enabled, trigger, templateId, recipients });
  };

  const handleRoleToggle = (kind: RoleKind, isChecked: boolean) =>
    setRoles((current) => (isChecked ? [...current, kind] : current.filter((k) => k !== kind)));
  const setStatus = (end: 'from' | 'to', value: string) => {
    if (trigger.kind !== 'status-changed') return;
    const { [end]: _dropped, ...rest } = trigger;
    setTrigger(value !== ANY_STATUS ? { ...rest, [end]: value } : rest);
  };

  return (
    <FormDialog
      title={rule ? `Edit "${rule.name}"` : 'Add a rule'}
      submitLabel="Save"
      failedTitle="The rule was not saved"
      onSubmit={handleSubmit}
      onClose={props.onClose}
    >
      {(problems) => (
        <>
          <Field label="Name" required validationMessage={problems.name}>
            <Input value={name} onChange={(_, data) => setName(data.value)} />
          </Field>
          <Switch
            label={enabled ? 'Enabled' : 'Disabled'}
            checked={enabled}
            onChange={(_, data) => setEnabled(data.checked)}
          />
          <DropdownField
            label="When"
            validationMessage={problems.trigger}
            options={TRIGGER_LABELS}
            value={trigger.kind}
            onChange={(kind) => setTrigger({ kind })}
          />
          {trigger.kind === 'status-changed' && (
            <div className={styles.row}>
              {(['from', 'to'] as const).map((end) => (
                <DropdownField
                  key={end}
                  className={styles.grow}
                  label={end === 'from' ? 'From status' : 'To status'}
                  options={statusOptions}
                  value={trigger[end] ?? ANY_STATUS}
                  onChange={(value) => setStatus(end, value)}
                />
              ))}
            </div>
          )}
          <Field
            label="Send the template"
            validationMessage={problems.templateId}
            hint="Templates used by rules are listed first; add them under Mail › Templates."
          >
            <Dropdown
              value={template?.name ?? ''}
              placeholder="Choose a template"
              selectedOptions={templateId ? [templateId] : []}
              onOptionSelect={(_, data) => setTemplateId(data.optionValue ?? '')}
            >
              {[...templates]
                .sort((a, b) => (a.purpose === b.purpose ? 0 : a.purpose === 'rule' ? -1 : 1))
                .map((t) => (
                  <Option key={t.id} value={t.id}>
                    {t.name}
                  </Option>
                ))}
            </Dropdown>
          </Field>
          <Field label="To" validationMessage={addressProblemOf(problems) ? undefined : problems.recipients}>
            <div className={styles.checks}>
              {(Object.entries(RECIPIENT_LABELS) as [RoleKind, string][]).map(([kind, label]) => (
                <Checkbox
                  key={kind}
                  label={label}
                  checked={roles.includes(kind)}
                  onChange={(_, data) => handleRoleToggle(kind, data.checked === true)}
                />
              ))}
            </div>
          </Field>
          <Field
            label="Other addresses"
            hint="Separate addresses with commas."
            validationMessage={addressProblemOf(problems)}
          >
            <Input value={addresses} onChange={(_, data) => setAddresses(data.value)} />
          </Field>
        </>
      )}
    </FormDialog>
  );
}
