import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  Spinner,
  Switch,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { StatusOption } from '../../../api/desk-api';
import type { TMailTemplate } from '../../../../../api/src/contract/mail-template';
import type { TRule, TSaveRule } from '../../../../../api/src/contract/rule';
import { ErrorBar } from '../../../components/error-bar';
import { fieldErrors } from '../../../components/field-errors';
import { splitEmails } from '../../requests/split-emails';
import { RECIPIENT_LABELS, TRIGGER_LABELS, type RuleRecipient, type RuleTrigger } from './describe-rule';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '160px' },
  checks: { display: 'flex', flexDirection: 'column' },
});

const ANY_STATUS = 'any';
type RoleKind = keyof typeof RECIPIENT_LABELS;

/** Adds or edits a rule: when (trigger) → which template → to whom. */
export function RuleDialog(props: { rule?: TRule; templates: TMailTemplate[]; statuses: StatusOption[]; onSave: (body: TSaveRule) => Promise<void>; onClose: () => void }) {
  const styles = useStyles();
  const { rule, templates, statuses } = props;
  const [name, setName] = useState(rule?.name ?? '');
  const [enabled, setEnabled] = useState(rule?.enabled ?? true);
  const [trigger, setTrigger] = useState<RuleTrigger>(rule?.trigger ?? { kind: 'status-changed' });
  const [templateId, setTemplateId] = useState(rule?.templateId ?? templates.find((t) => t.purpose === 'rule')?.id ?? '');
  const [roles, setRoles] = useState<RoleKind[]>(() => rule?.recipients.flatMap((r) => (r.kind === 'address' ? [] : [r.kind])) ?? ['requester']);
  const [addresses, setAddresses] = useState(() => rule?.recipients.flatMap((r) => (r.kind === 'address' ? [r.address] : [])).join(', ') ?? '');
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<Error | undefined>(undefined);
  const problems = fieldErrors(error);
  const template = templates.find((t) => t.id === templateId);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setIsSaving(true);
    setError(undefined);
    const recipients: RuleRecipient[] = [...roles.map((kind) => ({ kind })), ...splitEmails(addresses).map((address) => ({ kind: 'address' as const, address }))];
    try {
      await props.onSave({ name, enabled, trigger, templateId, recipients });
      props.onClose();
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
      setIsSaving(false);
    }
  };

  const handleRoleToggle = (kind: RoleKind, isChecked: boolean) => setRoles((current) => (isChecked ? [...current, kind] : current.filter((k) => k !== kind)));
  const setStatus = (end: 'from' | 'to', value: string | undefined) => {
    if (trigger.kind !== 'status-changed') return;
    const { [end]: _dropped, ...rest } = trigger;
    setTrigger(value && value !== ANY_STATUS ? { ...rest, [end]: value } : rest);
  };

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && props.onClose()}>
      <DialogSurface>
        <form onSubmit={handleSubmit} noValidate>
          <DialogBody>
            <DialogTitle>{rule ? `Edit "${rule.name}"` : 'Add a rule'}</DialogTitle>
            <DialogContent className={styles.form}>
              <Field label="Name" required validationMessage={problems.name}>
                <Input value={name} onChange={(_, data) => setName(data.value)} />
              </Field>
              <Switch label={enabled ? 'Enabled' : 'Disabled'} checked={enabled} onChange={(_, data) => setEnabled(data.checked)} />
              <Field label="When" validationMessage={problems.trigger}>
                <Dropdown
                  value={TRIGGER_LABELS[trigger.kind]}
                  selectedOptions={[trigger.kind]}
                  onOptionSelect={(_, data) => setTrigger({ kind: (data.optionValue as RuleTrigger['kind'] | undefined) ?? 'sr-created' })}
                >
                  {Object.entries(TRIGGER_LABELS).map(([value, label]) => (
                    <Option key={value} value={value}>
                      {label}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
              {trigger.kind === 'status-changed' && (
                <div className={styles.row}>
                  {(['from', 'to'] as const).map((end) => (
                    <Field key={end} className={styles.grow} label={end === 'from' ? 'From status' : 'To status'}>
                      <Dropdown value={trigger[end] ?? 'Any status'} selectedOptions={[trigger[end] ?? ANY_STATUS]} onOptionSelect={(_, data) => setStatus(end, data.optionValue)}>
                        <Option value={ANY_STATUS}>Any status</Option>
                        {statuses.map((status) => (
                          <Option key={status.name} value={status.name}>
                            {status.name}
                          </Option>
                        ))}
                      </Dropdown>
                    </Field>
                  ))}
                </div>
              )}
              <Field label="Send the template" validationMessage={problems.templateId} hint="Templates used by rules are listed first; add them under Mail › Templates.">
                <Dropdown value={template?.name ?? ''} placeholder="Choose a template" selectedOptions={templateId ? [templateId] : []} onOptionSelect={(_, data) => setTemplateId(data.optionValue ?? '')}>
                  {[...templates].sort((a, b) => (a.purpose === b.purpose ? 0 : a.purpose === 'rule' ? -1 : 1)).map((t) => (
                    <Option key={t.id} value={t.id}>
                      {t.name}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
              <Field label="To" validationMessage={problems.recipients}>
                <div className={styles.checks}>
                  {(Object.entries(RECIPIENT_LABELS) as [RoleKind, string][]).map(([kind, label]) => (
                    <Checkbox key={kind} label={label} checked={roles.includes(kind)} onChange={(_, data) => handleRoleToggle(kind, data.checked === true)} />
                  ))}
                </div>
              </Field>
              <Field label="Other addresses" hint="Separate addresses with commas.">
                <Input value={addresses} onChange={(_, data) => setAddresses(data.value)} />
              </Field>
              {error && <ErrorBar error={error} title="The rule was not saved" />}
            </DialogContent>
            <DialogActions>
              <Button onClick={props.onClose} disabled={isSaving}>
                Cancel
              </Button>
              <Button type="submit" appearance="primary" disabledFocusable={isSaving} icon={isSaving ? <Spinner size="tiny" /> : undefined}>
                Save
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
