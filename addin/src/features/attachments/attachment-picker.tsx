import { Caption1, Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import type { TAddinAttachmentInfo } from '../../../../api/src/contract/addin-email';
import { formatBytes } from '../../components/format';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column' },
  note: { color: tokens.colorNeutralForeground3 },
});

/** Why an attachment cannot be filed from Outlook, or undefined when it can. */
export function attachmentProblem(attachment: TAddinAttachmentInfo, maxBytes: number): string | undefined {
  if (attachment.kind === 'reference') return 'a link to a cloud file';
  if (attachment.size > maxBytes) return `larger than ${formatBytes(maxBytes)}`;
  return undefined;
}

/** Files are ticked by default; inline images (logos, signatures) are not, since they rarely matter on the SR. */
export function defaultTicked(attachments: readonly TAddinAttachmentInfo[], maxBytes: number): Set<string> {
  return new Set(attachments.filter((a) => !a.isInline && !attachmentProblem(a, maxBytes)).map((a) => a.id));
}

export function AttachmentPicker(props: {
  attachments: TAddinAttachmentInfo[];
  ticked: ReadonlySet<string>;
  maxBytes: number;
  onChange: (ticked: Set<string>) => void;
}) {
  const styles = useStyles();
  if (props.attachments.length === 0)
    return <Caption1 className={styles.note}>This email has no attachments.</Caption1>;
  const handleToggle = (id: string, checked: boolean) => {
    const next = new Set(props.ticked);
    if (checked) next.add(id);
    else next.delete(id);
    props.onChange(next);
  };
  return (
    <div className={styles.list}>
      {props.attachments.map((a) => {
        const problem = attachmentProblem(a, props.maxBytes);
        const details = [
          formatBytes(a.size),
          a.isInline ? 'inline image' : undefined,
          problem ? `cannot be filed: ${problem}` : undefined,
        ]
          .filter(Boolean)
          .join(', ');
        return (
          <Checkbox
            key={a.id}
            checked={props.ticked.has(a.id)}
            disabled={problem !== undefined}
            onChange={(_e, data) => handleToggle(a.id, data.checked === true)}
            label={`${a.name} (${details})`}
          />
        );
      })}
      <Caption1 className={styles.note}>
        Ticked attachments go to the SR&apos;s &quot;Other&quot; folder with the note.
      </Caption1>
    </div>
  );
}
