import { Badge, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { TList } from '../../../../api/src/contract/common';
import type { TOutboundEmail } from '../../../../api/src/contract/outbound-email';
import { RelativeTime } from '../../components/relative-time';
import { LoadState } from '../../components/load-state';
import { PanelCard } from '../../components/panel-card';
import type { Resource } from '../../components/use-resource';
import { OUTBOUND_STATUS_COLOR } from './outbound-status';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  entry: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  line: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  subject: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
});

const TRIGGER_LABEL: Record<TOutboundEmail['trigger'], string> = {
  manual: 'sent by',
  rule: 'rule, on behalf of',
  'demo-seed': 'demo data, as',
};

/** The SR's outbound log: every email sent from it (by an agent or a rule), with its delivery state. */
export function EmailsPanel(props: { emails: Resource<TList<TOutboundEmail>> }) {
  const styles = useStyles();
  const { emails } = props;
  return (
    <PanelCard title="Emails sent" headingId="emails-heading">
      <LoadState
        resource={emails}
        loadingLabel="Loading the email log…"
        failedTitle="The email log could not be loaded"
      />
      {emails.data?.items.length === 0 && (
        <Caption1 className={styles.muted}>
          No email sent yet. Use Send email to write to the requester.
        </Caption1>
      )}
      {emails.data && emails.data.items.length > 0 && (
        <ol className={styles.list}>
          {emails.data.items.map((email) => (
            <li key={email.id} className={styles.entry}>
              <span className={styles.line}>
                <Text className={styles.subject}>{email.subject}</Text>
                <Badge appearance="tint" color={OUTBOUND_STATUS_COLOR[email.status]}>
                  {email.status}
                </Badge>
              </span>
              <Caption1 className={styles.muted}>
                To {email.to.map((r) => r.address).join(', ')} · {TRIGGER_LABEL[email.trigger]}{' '}
                {email.actor.name} · <RelativeTime iso={email.sentAt ?? email.queuedAt} />
              </Caption1>
              {email.statusReason && <Caption1>{email.statusReason}</Caption1>}
            </li>
          ))}
        </ol>
      )}
    </PanelCard>
  );
}
