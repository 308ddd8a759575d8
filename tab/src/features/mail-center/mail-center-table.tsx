import {
  Badge,
  Caption1,
  Checkbox,
  Link,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { TMailCenterItem } from '../../../../api/src/contract/mail-center';
import { RelativeTime } from '../../components/relative-time';
import { href } from '../../routing/route';
import { REASON_LABELS, STATE_LABELS } from './mail-center-labels';

const useStyles = makeStyles({
  table: { minWidth: '880px' },
  select: { width: '44px' },
  received: { width: '140px' },
  reason: { width: '190px' },
  stack: { display: 'flex', flexDirection: 'column', minWidth: 0, paddingBlock: tokens.spacingVerticalXS },
  badge: { alignSelf: 'flex-start' },
  muted: { color: tokens.colorNeutralForeground3 },
  ellipsis: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
});

/** The items with a checkbox each for bulk discard (only open items can be discarded). */
export function MailCenterTable(props: {
  items: TMailCenterItem[];
  selected: ReadonlySet<string>;
  onSelectedChange: (next: Set<string>) => void;
}) {
  const styles = useStyles();
  const { items, selected, onSelectedChange } = props;
  const selectable = items.filter((item) => item.state === 'open');
  const allSelected = selectable.length > 0 && selectable.every((item) => selected.has(item.id));
  const someSelected = selectable.some((item) => selected.has(item.id));

  const handleToggle = (id: string, isChecked: boolean) => {
    const next = new Set(selected);
    if (isChecked) next.add(id);
    else next.delete(id);
    onSelectedChange(next);
  };

  return (
    <Table className={styles.table} aria-label="Mail Center items">
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.select}>
            <Checkbox
              aria-label="Select all open items on this page"
              checked={allSelected ? true : someSelected ? 'mixed' : false}
              disabled={selectable.length === 0}
              onChange={(_, data) =>
                onSelectedChange(
                  data.checked === true ? new Set(selectable.map((item) => item.id)) : new Set(),
                )
              }
            />
          </TableHeaderCell>
          <TableHeaderCell className={styles.received}>Received</TableHeaderCell>
          <TableHeaderCell>From and subject</TableHeaderCell>
          <TableHeaderCell className={styles.reason}>Reason</TableHeaderCell>
          <TableHeaderCell>Evidence</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((item) => (
          <TableRow key={item.id}>
            <TableCell>
              <Checkbox
                aria-label={`Select "${item.subject}"`}
                checked={selected.has(item.id)}
                disabled={item.state !== 'open'}
                onChange={(_, data) => handleToggle(item.id, data.checked === true)}
              />
            </TableCell>
            <TableCell>
              <RelativeTime iso={item.receivedAt} />
            </TableCell>
            <TableCell>
              <div className={styles.stack}>
                <Link href={href({ page: 'mail-item', itemId: item.id })} className={styles.ellipsis}>
                  {item.subject || '(no subject)'}
                </Link>
                <Caption1 className={`${styles.muted} ${styles.ellipsis}`}>
                  {item.from.name ? `${item.from.name} · ${item.from.address}` : item.from.address}
                </Caption1>
              </div>
            </TableCell>
            <TableCell>
              <div className={styles.stack}>
                <Text>{REASON_LABELS[item.reason]}</Text>
                {item.state !== 'open' && (
                  <Badge className={styles.badge} appearance="tint" color="informative" size="small">
                    {STATE_LABELS[item.state]}
                  </Badge>
                )}
              </div>
            </TableCell>
            <TableCell>
              <Caption1 className={styles.ellipsis}>{item.evidence[0] ?? ''}</Caption1>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
