import {
  Badge,
  Body1,
  Card,
  Dropdown,
  Field,
  Label,
  Link,
  makeStyles,
  Option,
  Spinner,
  Text,
  Title3,
  tokens,
} from '@fluentui/react-components';
import type { TServiceRequest, TUpdateServiceRequest } from '../../../../api/src/contract/service-request';
import { ErrorBar } from '../../components/error-bar';
import { StatusBadge } from '../../components/status-badge';
import { useNotify } from '../../components/use-notify';
import { usePendingAction } from '../../components/use-pending-action';
import { useResource } from '../../components/use-resource';
import { useDesk } from '../../session/desk-context';
import { AssigneeControl } from './assignee-control';
import { ParticipantsEditor } from './participants-editor';

const PRIORITIES = ['Low', 'Medium', 'High', 'Critical'] as const;

const useStyles = makeStyles({
  card: {
    marginBottom: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  titleRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  number: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  fact: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  saving: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  description: { whiteSpace: 'pre-wrap', color: tokens.colorNeutralForeground2 },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The SR at a glance, and the controls agents use most: status, priority, assignee, participants. */
export function RequestHeader(props: { sr: TServiceRequest; onChange: (next: TServiceRequest) => void }) {
  const styles = useStyles();
  const { api } = useDesk();
  const notify = useNotify();
  const { sr, onChange } = props;
  const statuses = useResource((signal) => api.listStatuses(signal), [api]);
  const { pending: saving, failure, run } = usePendingAction<string>();

  const save = (what: string, patch: TUpdateServiceRequest, done: string) =>
    run(what, 'The change was not saved', async () => {
      onChange(await api.updateRequest(sr.number, patch));
      notify(done);
    });

  return (
    <Card className={styles.card}>
      <div className={styles.titleRow}>
        <Title3 as="h1">
          <span className={styles.number}>{sr.number}</span> {sr.title}
        </Title3>
        <StatusBadge status={sr.status} isClosed={sr.isClosed} />
        {sr.hasNewEmailReply && (
          <Badge appearance="filled" color="warning">
            New email reply
          </Badge>
        )}
      </div>
      {sr.description && <Body1 className={styles.description}>{sr.description}</Body1>}
      <div className={styles.facts}>
        <Field label="Status">
          <Dropdown
            value={sr.status}
            selectedOptions={[sr.status]}
            disabled={saving !== undefined}
            onOptionSelect={(_, data) =>
              data.optionValue &&
              data.optionValue !== sr.status &&
              void save('status', { status: data.optionValue }, `Status changed to ${data.optionValue}`)
            }
          >
            {(statuses.data?.items ?? [{ name: sr.status, isClosed: sr.isClosed }]).map((status) => (
              <Option key={status.name} value={status.name} text={status.name}>
                {status.name}
                {status.isClosed ? ' (closed)' : ''}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Priority">
          <Dropdown
            value={sr.priority}
            selectedOptions={[sr.priority]}
            disabled={saving !== undefined}
            onOptionSelect={(_, data) => {
              const priority = PRIORITIES.find((p) => p === data.optionValue);
              if (priority && priority !== sr.priority)
                void save('priority', { priority }, `Priority set to ${priority}`);
            }}
          >
            {PRIORITIES.map((p) => (
              <Option key={p}>{p}</Option>
            ))}
          </Dropdown>
        </Field>
        <div className={styles.fact}>
          <Label id="assignee-label">Assignee</Label>
          <AssigneeControl
            labelledBy="assignee-label"
            assignee={sr.assignee}
            disabled={saving !== undefined}
            onAssign={(assignee) =>
              void save('assignee', { assignee }, assignee ? `Assigned to ${assignee.name}` : 'Unassigned')
            }
          />
        </div>
        <div className={styles.fact}>
          <Label id="requester-label">Requester</Label>
          <Text aria-labelledby="requester-label">{sr.requester.name}</Text>
          <Link href={`mailto:${sr.requester.email}`}>{sr.requester.email}</Link>
        </div>
      </div>
      <ParticipantsEditor
        participants={sr.participants}
        disabled={saving !== undefined}
        onChange={(participants, done) => void save('participants', { participants }, done)}
      />
      {saving && (
        <span className={styles.saving} role="status">
          <Spinner size="extra-tiny" />
          <Text size={200} className={styles.muted}>
            Saving {saving}…
          </Text>
        </span>
      )}
      {failure && <ErrorBar error={failure.error} title={failure.title} />}
    </Card>
  );
}
