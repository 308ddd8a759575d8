import { Body1, Button, Caption1, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import type { AddinApi } from '../../api/addin-api';
import { ErrorBar } from '../../components/error-bar';
import { LoadingBlock } from '../../components/loading-block';
import type { MailHost } from '../../host/mail-host';
import type { User } from '../../session/use-boot';
import { useCurrentEmail } from '../email/use-current-email';
import { EmailWorkspace } from './email-workspace';

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  header: {
    display: 'flex',
    alignItems: 'baseline',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
  },
  user: { color: tokens.colorNeutralForeground3 },
});

/** The task pane itself: a header, then the workspace for whatever email the host has open. */
export function EmailPane(props: {
  api: AddinApi;
  host: MailHost;
  user: User;
  onSignOut?: (() => void) | undefined;
}) {
  const styles = useStyles();
  const current = useCurrentEmail(props.host);
  return (
    <main className={styles.root} data-state="pane">
      <header className={styles.header}>
        <Subtitle1 as="h1">File to SR</Subtitle1>
        <Caption1 className={styles.user}>
          {props.user.name}
          {props.onSignOut && (
            <Button appearance="transparent" size="small" onClick={props.onSignOut}>
              Sign out
            </Button>
          )}
        </Caption1>
      </header>
      {current.status === 'loading' && <LoadingBlock label="Reading the email…" />}
      {current.status === 'none' && (
        <Body1>
          {props.host.kind === 'outlook'
            ? 'Open an email to file it on a Service Request.'
            : 'Pick an email from the demo mailbox.'}
        </Body1>
      )}
      {current.status === 'failed' && (
        <ErrorBar error={current.error} title="The email could not be read" onRetry={current.reload} />
      )}
      {current.status === 'ready' && (
        <EmailWorkspace
          key={current.email.internetMessageId}
          api={props.api}
          host={props.host}
          email={current.email}
        />
      )}
    </main>
  );
}
