import {
  Avatar,
  Badge,
  Button,
  Caption1,
  Card,
  makeStyles,
  mergeClasses,
  Text,
  tokens,
  Tooltip,
} from '@fluentui/react-components';
import {
  ChevronDownRegular,
  ChevronUpRegular,
  LockClosedRegular,
  MailRegular,
  PlugConnectedRegular,
  SendRegular,
  ShieldErrorRegular,
} from '@fluentui/react-icons';
import { useState } from 'react';
import type { TAttachment } from '../../../../api/src/contract/attachment';
import type { TNote } from '../../../../api/src/contract/note';
import { formatDateTime } from '../../components/formatters';
import { RelativeTime } from '../../components/relative-time';
import { SafeHtmlFrame } from '../../components/safe-html-frame';
import { AttachmentLink } from './attachment-link';
import { describeSignal } from './describe-signal';
import { ViewOriginalDialog } from './view-original-dialog';

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalS },
  email: { borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}` },
  // Internal notes look like the composer's internal mode: never mistaken for what the customer saw.
  internal: {
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteMarigoldBorderActive}`,
    backgroundColor: tokens.colorStatusWarningBackground1,
  },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  who: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  meta: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
  metaText: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    flexGrow: 1,
    minWidth: 0,
  },
  files: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  unauthenticated: { color: tokens.colorPaletteDarkOrangeForeground1 },
  quoted: {
    borderTop: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
});

const SOURCE_LABEL: Record<TNote['source'], string> = {
  email: 'Email reply',
  agent: 'Agent',
  addin: 'Filed from Outlook',
  system: 'System',
};

/** One note. Email-sourced notes say who wrote, which email, and how it was matched to this SR. */
export function NoteCard(props: { note: TNote; attachments: TAttachment[] }) {
  const styles = useStyles();
  const { note } = props;
  const email = note.email;
  const [isQuoteOpen, setIsQuoteOpen] = useState(false);
  const who = email ? (email.from.name ?? email.from.address) : note.author.name;
  // Filed by a signed signal although the mail server could not vouch for the From: address (docs/sender-authenticity.md).
  const unauthenticated =
    email?.authentication && ['fail', 'unverified'].includes(email.authentication.outcome)
      ? email.authentication.summary
      : undefined;

  return (
    <Card
      className={mergeClasses(
        styles.card,
        email && styles.email,
        note.accessLevel !== 'User' && styles.internal,
      )}
      aria-label={`${SOURCE_LABEL[note.source]} from ${who}`}
    >
      <div className={styles.header}>
        <Avatar name={who} size={32} color="colorful" icon={email ? <MailRegular /> : undefined} />
        <div className={styles.who}>
          <Text weight="semibold">{who}</Text>
          <Caption1 className={styles.muted}>
            <RelativeTime iso={note.createdAt} />
            {email && ` · ${email.from.address}`}
          </Caption1>
        </div>
        <Badge
          appearance="tint"
          color={note.source === 'email' ? 'brand' : 'informative'}
          icon={note.source === 'addin' ? <PlugConnectedRegular /> : undefined}
        >
          {SOURCE_LABEL[note.source]}
        </Badge>
        {unauthenticated && (
          <Tooltip content={unauthenticated} relationship="description">
            <Badge appearance="tint" color="warning" icon={<ShieldErrorRegular />}>
              Sender not authenticated
            </Badge>
          </Tooltip>
        )}
        {note.sentAs && (
          <Badge appearance="tint" color="success" icon={<SendRegular />}>
            Emailed to the customer
          </Badge>
        )}
        {note.accessLevel !== 'User' && (
          <Badge appearance="tint" color="warning" icon={<LockClosedRegular />}>
            Internal
          </Badge>
        )}
        <Tooltip
          content={`Note type ${note.typeCode}, visible to access level ${note.accessLevel}`}
          relationship="description"
        >
          <Badge appearance="outline" color="informative">
            {note.typeCode}
          </Badge>
        </Tooltip>
      </div>
      {email && (
        <div className={styles.meta}>
          <div className={styles.metaText}>
            <Caption1>
              <Text size={200} weight="semibold">
                Subject:
              </Text>{' '}
              {email.subject}
            </Caption1>
            <Caption1 className={styles.muted}>
              {describeSignal(email.signal)} · received {formatDateTime(email.receivedAt)}
            </Caption1>
            {unauthenticated && <Caption1 className={styles.unauthenticated}>{unauthenticated}</Caption1>}
          </div>
          {email.hasOriginal && (
            <ViewOriginalDialog requestId={note.requestId} noteId={note.id} sender={who} />
          )}
        </div>
      )}
      <SafeHtmlFrame html={note.bodyHtml} title={`Note from ${who}`} />
      {email?.elidedHtml && (
        <div>
          <Button
            appearance="subtle"
            size="small"
            icon={isQuoteOpen ? <ChevronUpRegular /> : <ChevronDownRegular />}
            aria-expanded={isQuoteOpen}
            onClick={() => setIsQuoteOpen((open) => !open)}
          >
            {isQuoteOpen ? 'Hide quoted text' : 'Show quoted text'}
          </Button>
          {isQuoteOpen && (
            <div className={styles.quoted}>
              <SafeHtmlFrame html={email.elidedHtml} title={`Quoted text of the email from ${who}`} />
            </div>
          )}
        </div>
      )}
      {props.attachments.length > 0 && (
        <div className={styles.files} aria-label="Attachments of this note">
          {props.attachments.map((attachment) => (
            <AttachmentLink key={attachment.id} attachment={attachment} />
          ))}
        </div>
      )}
    </Card>
  );
}
