import { Button, Card, Checkbox, Input, Subtitle2, Text } from '@fluentui/react-components';
import { AddRegular, ArrowDownRegular, ArrowUpRegular, DeleteRegular } from '@fluentui/react-icons';
import type { TSettings } from '../../../../../api/src/contract/settings';
import { renameStatus } from './rename-status';
import { useSectionStyles } from './section-styles';

/** The desk's statuses in order; closed ones end the SR (replies then follow the closed-SR policy). */
export function StatusesEditor(props: { settings: TSettings; onChange: (next: TSettings) => void }) {
  const styles = useSectionStyles();
  const { settings, onChange } = props;
  const { statuses } = settings;

  const handleRename = (index: number, name: string) => {
    const previous = statuses[index]?.name ?? '';
    const next = statuses.map((s, i) => (i === index ? { ...s, name } : s));
    onChange(renameStatus({ ...settings, statuses: next }, previous, name));
  };
  const handleMove = (index: number, by: -1 | 1) => {
    const next = [...statuses];
    const [moved] = next.splice(index, 1);
    if (moved) next.splice(index + by, 0, moved);
    onChange({ ...settings, statuses: next });
  };
  const handleRemove = (index: number) => {
    const removed = statuses[index]?.name ?? '';
    onChange(
      renameStatus({ ...settings, statuses: statuses.filter((_, i) => i !== index) }, removed, undefined),
    );
  };

  return (
    <Card className={styles.card}>
      <Subtitle2 as="h2">Statuses</Subtitle2>
      <Text className={styles.muted}>
        In the order agents pick them. A status in use by an SR cannot be removed.
      </Text>
      <ol className={styles.rows}>
        {statuses.map((status, index) => (
          <li key={index} className={styles.row}>
            <Input
              className={styles.grow}
              aria-label={`Status ${index + 1}`}
              value={status.name}
              onChange={(_, data) => handleRename(index, data.value)}
            />
            <Checkbox
              label="Closed"
              checked={status.isClosed}
              onChange={(_, data) =>
                onChange({
                  ...settings,
                  statuses: statuses.map((s, i) =>
                    i === index ? { ...s, isClosed: data.checked === true } : s,
                  ),
                })
              }
            />
            <Button
              appearance="subtle"
              icon={<ArrowUpRegular />}
              aria-label={`Move ${status.name || 'status'} up`}
              disabled={index === 0}
              onClick={() => handleMove(index, -1)}
            />
            <Button
              appearance="subtle"
              icon={<ArrowDownRegular />}
              aria-label={`Move ${status.name || 'status'} down`}
              disabled={index === statuses.length - 1}
              onClick={() => handleMove(index, 1)}
            />
            <Button
              appearance="subtle"
              icon={<DeleteRegular />}
              aria-label={`Remove ${status.name || 'status'}`}
              disabled={statuses.length === 1}
              onClick={() => handleRemove(index)}
            />
          </li>
        ))}
      </ol>
      <div>
        <Button
          icon={<AddRegular />}
          onClick={() => onChange({ ...settings, statuses: [...statuses, { name: '', isClosed: false }] })}
        >
          Add status
        </Button>
      </div>
    </Card>
  );
}
