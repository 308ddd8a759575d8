import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  mergeClasses,
  Select,
  Subtitle1,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular, AttachRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState } from 'react';
import type { TDemoMailboxes, TDemoMessageSummary } from '../../../../api/src/contract/demo-mailbox';
import { toError } from '../../../../web-shared/to-error';
import type { AddinApi } from '../../api/addin-api';
import { ErrorBar } from '../../components/error-bar';
import { formatDateTime } from '../../components/format';
import { LoadingBlock } from '../../components/loading-block';
import type { DemoRoute } from '../../routing/use-hash-route';
import type { User } from '../../session/use-boot';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '48rem' },
  toolbar: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  message: {
    width: '100%',
    justifyContent: 'flex-start',
    textAlign: 'start',
    display: 'block',
    padding: tokens.spacingVerticalS,
  },
  selected: {
    backgroundColor: tokens.colorBrandBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
  },
  line: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  subject: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  preview: {
    color: tokens.colorNeutralForeground3,
    display: 'block',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
});

type Mailbox = TDemoMailboxes['items'][number];

/** The emulator's mailboxes standing in for Outlook's message list: pick one email and the pane opens it. */
export function DemoMailboxList(props: {
  api: AddinApi;
  user: User;
  route: DemoRoute;
  onNavigate: (route: DemoRoute) => void;
}) {
  const styles = useStyles();
  const { api, route, onNavigate } = props;
  const [mailboxes, setMailboxes] = useState<Mailbox[] | undefined>(undefined);
  const [messages, setMessages] = useState<TDemoMessageSummary[] | undefined>(undefined);
  const [error, setError] = useState<Error | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    api
      .demoMailboxes()
      .then((body) => setMailboxes(body.items))
      .catch((err: unknown) => setError(toError(err)));
  }, [api]);

  // Open where customers' replies (and npm run demo:reply) arrive first, when nothing is chosen yet: that is where the
  // emails to file are. Then the agent's own mailbox.
  const defaultMailbox =
    mailboxes?.find((m) => m.isDeskMailbox) ??
    mailboxes?.find((m) => m.address.toLowerCase() === props.user.upn.toLowerCase()) ??
    mailboxes?.[0];
  const mailbox = route.mailbox ?? defaultMailbox?.address;

  useEffect(() => {
    if (!mailbox) return;
    let isCurrent = true;
    setMessages(undefined);
    api
      .demoMessages(mailbox)
      .then((items) => isCurrent && setMessages(items))
      .catch((err: unknown) => isCurrent && setError(toError(err)));
    return () => {
      isCurrent = false;
    };
  }, [api, mailbox, attempt]);

  const handleRefresh = useCallback(() => {
    setError(undefined);
    setAttempt((n) => n + 1);
  }, []);

  return (
    <section className={styles.root} aria-label="Demo mailbox">
      <Subtitle1 as="h1">Demo mailbox</Subtitle1>
      <Body1>This browser stands in for Outlook: open an email and the pane on the right works on it.</Body1>
      {mailboxes && mailbox && (
        <div className={styles.toolbar}>
          <Field label="Mailbox">
            <Select value={mailbox} onChange={(_e, data) => onNavigate({ mailbox: data.value })}>
              {mailboxes.map((m) => (
                <option key={m.address} value={m.address}>
                  {m.displayName} ({m.address}){m.isDeskMailbox ? ' · the desk’s mailbox' : ''}
                </option>
              ))}
            </Select>
          </Field>
          <Button icon={<ArrowClockwiseRegular />} onClick={handleRefresh}>
            Refresh
          </Button>
        </div>
      )}
      {error && <ErrorBar error={error} title="The demo mailbox could not be read" onRetry={handleRefresh} />}
      {!error && (!mailboxes || (mailbox && !messages)) && <LoadingBlock label="Reading the mailbox…" />}
      {messages && messages.length === 0 && (
        <Body1>No email in this mailbox yet. Send one with npm run demo:reply.</Body1>
      )}
      {messages && messages.length > 0 && (
        <ul className={styles.list}>
          {messages.map((m) => (
            <li key={m.id}>
              <Button
                appearance="outline"
                className={mergeClasses(styles.message, m.id === route.messageId && styles.selected)}
                aria-current={m.id === route.messageId ? 'true' : undefined}
                onClick={() => mailbox && onNavigate({ mailbox, messageId: m.id })}
              >
                <span className={styles.line}>
                  <Text className={styles.subject}>{m.subject || '(no subject)'}</Text>
                  {m.hasAttachments && <AttachRegular aria-label="has attachments" />}
                </span>
                <Caption1>
                  {m.from.name ?? m.from.address} · {formatDateTime(m.receivedAt)}
                </Caption1>
                <Caption1 className={styles.preview}>{m.preview}</Caption1>
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
