import { Card, Dropdown, Field, Option, Subtitle2, Text } from '@fluentui/react-components';
import type { TSettings } from '../../../../../api/src/contract/settings';
import { useSectionStyles } from './section-styles';

const LEAVE = '';
const LEAVE_LABEL = 'Leave the status as it is';

/** The seed guide's "the status of the SR can be updated to a specific status to reflect the notification". */
export function ReplyPolicyEditor(props: { settings: TSettings; onChange: (next: TSettings) => void }) {
  const styles = useSectionStyles();
  const { settings, onChange } = props;
  const names = settings.statuses.map((s) => s.name).filter(Boolean);

  const handleSelect = (current: string, next: string) => {
    const replyStatusPolicy = { ...settings.replyStatusPolicy };
    if (next === LEAVE) delete replyStatusPolicy[current];
    else replyStatusPolicy[current] = next;
    onChange({ ...settings, replyStatusPolicy });
  };

  return (
    <Card className={styles.card}>
      <Subtitle2 as="h2">Status when a reply arrives</Subtitle2>
      <Text className={styles.muted}>
        When a customer's reply is filed as a note, the SR moves to the status chosen for its current status.
      </Text>
      <div className={styles.rows}>
        {settings.statuses
          .filter((s) => s.name)
          .map((status) => {
            const target = settings.replyStatusPolicy[status.name] ?? LEAVE;
            const moot = status.isClosed ? mootBecause(settings) : undefined;
            return (
              <Field
                key={status.name}
                label={`When the SR is ${status.name}${status.isClosed ? ' (closed)' : ''}`}
                orientation="horizontal"
                hint={moot}
              >
                <Dropdown
                  disabled={moot !== undefined}
                  value={target || LEAVE_LABEL}
                  selectedOptions={[target]}
                  onOptionSelect={(_, data) => handleSelect(status.name, data.optionValue ?? LEAVE)}
                >
                  <Option value={LEAVE}>{LEAVE_LABEL}</Option>
                  {names
                    .filter((name) => name !== status.name)
                    .map((name) => (
                      <Option key={name} value={name} text={`Set to ${name}`}>
                        Set to {name}
                      </Option>
                    ))}
                </Dropdown>
              </Field>
            );
          })}
      </div>
    </Card>
  );
}

/**
 * A reply to a closed SR never reaches the rows for closed statuses: the closed-SR policy decides first (hold it in
 * the Mail Center, or reopen to the reopen status). Saying so beats a setting that silently does nothing.
 */
function mootBecause(settings: TSettings): string {
  return settings.closedPolicy === 'reopen'
    ? `Does not apply: the closed-SR policy reopens such SRs to ${settings.reopenStatus}.`
    : 'Does not apply to replies the engine reads: the closed-SR policy holds them in the Mail Center, where an agent reopens and files them or files them as they are.';
}
