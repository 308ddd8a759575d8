import { Badge, Button, Caption1, Card, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronUpRegular, SendRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { TOutboundEmail } from '../../../../api/src/contract/outbound-email';
import { RelativeTime } from '../../components/relative-time';
import { SafeHtmlFrame } from '../../components/safe-html-frame';
import { OUTBOUND_STATUS_COLOR } from './outbound-status';

const useStyles = makeStyles({
  card: {
    padding: tokens.spacingHorizontalL,
    gap: tokens.spacingVerticalXS,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteGreenBorder2}`,
  },
  line: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
});

const BY: Record<TOutboundEmail['trigger'], string> = {
  manual: 'Sent by',
  rule: 'Sent by a rule for',
  'demo-seed': 'Demo email as',
};

/** An email sent from the SR that is not an agent's reply note (a template or a rule's email), in the conversation. */
export function SentEmailCard(props: { email: TOutboundEmail }) {
  const styles = useStyles();
  const { email } = props;
  const [isOpen, setIsOpen] = useState(false);
  return (
    <Card className={styles.card} aria-label={`Email sent: ${email.subject}`}>
      <div className={styles.line}>
        <SendRegular />
        <Text weight="semibold" className={styles.grow}>
          {email.subject}
        </Text>
        <Badge appearance="tint" color={OUTBOUND_STATUS_COLOR[email.status]}>
          {email.status}
        </Badge>
      </div>
      <Caption1 className={styles.muted}>
        {BY[email.trigger]} {email.actor.name} to {email.to.map((r) => r.address).join(', ')} ·{' '}
        <RelativeTime iso={email.sentAt ?? email.queuedAt} />
      </Caption1>
      {email.statusReason && <Caption1>{email.statusReason}</Caption1>}
      <div>
        <Button
          appearance="subtle"
          size="small"
          icon={isOpen ? <ChevronUpRegular /> : <ChevronDownRegular />}
          aria-expanded={isOpen}
          onClick={() => setIsOpen((open) => !open)}
        >
          {isOpen ? 'Hide the email' : 'Show the email'}
        </Button>
      </div>
      {isOpen && <SafeHtmlFrame html={email.bodyHtml} title={`Email ${email.subject}`} />}
    </Card>
  );
}
