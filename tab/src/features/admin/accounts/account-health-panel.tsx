import {
  Badge,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowSyncRegular,
  CheckmarkCircleRegular,
  DismissCircleRegular,
  PlugConnectedRegular,
} from '@fluentui/react-icons';
import { useState } from 'react';
import type {
  TAccountHealth,
  TConnectionTest,
  TSyncReport,
} from '../../../../../api/src/contract/mail-health';
import { ErrorBar } from '../../../components/error-bar';
import { FactsList } from '../../../components/facts-list';
import { formatDateTime, formatRelative } from '../../../components/formatters';
import { RelativeTime } from '../../../components/relative-time';
import { LoadState } from '../../../components/load-state';
import { PanelCard } from '../../../components/panel-card';
import { usePendingAction } from '../../../components/use-pending-action';
import { useResource } from '../../../components/use-resource';
import { useDesk } from '../../../session/desk-context';

const useStyles = makeStyles({
  results: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  steps: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  step: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  ok: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0, fontSize: '20px' },
  bad: { color: tokens.colorPaletteRedForeground1, flexShrink: 0, fontSize: '20px' },
});

const STEP_LABELS: Record<TConnectionTest['steps'][number]['name'], string> = {
  token: 'Sign-in with the client secret',
  mailbox: 'Access to the mailbox',
  folder: 'Mailbox folder',
  'send-permission': 'Permission to send',
  dns: 'Incoming host name (DNS)',
  tcp: 'Connection to the IMAP port',
  tls: 'TLS and the server certificate',
  authentication: 'IMAP sign-in',
  smtp: 'Outgoing SMTP server',
};

const describeSync = (report: TSyncReport): string =>
  report.forwardedTo
    ? `Another instance (${report.forwardedTo}) was syncing this mailbox and was asked to look again.`
    : `${report.listed} unread found: ${report.notes} became notes, ${report.mailCenter} went to the Mail Center` +
      `${report.failed ? `, ${report.failed} failed` : ''}${report.deferred ? `, ${report.deferred} wait for a retry` : ''}.` +
      (report.handedOverTo ? ` The rest went to ${report.handedOverTo}, which had less to do.` : '');

const describeLast24h = (day: TAccountHealth['last24h']): string =>
  `${day.notes} became notes, ${day.mailCenter} went to the Mail Center` +
  `${day.ignored ? `, ${day.ignored} ignored (sender not a participant)` : ''}${day.queued ? `, ${day.queued} wait for a retry or the after-step` : ''}.`;

// Several API instances share the desk: which one syncs this mailbox now and which keeps its subscription.
const describeCluster = (cluster: TAccountHealth['cluster']): string =>
  `${cluster.syncHolder ? `Syncing on ${cluster.syncHolder}` : 'Not syncing now'} · subscription kept by ${cluster.subscriptionOwner ?? 'none'} · answered by ${cluster.instance}`;

/**
 * Is this mailbox working? Last sync, the last 24 hours, the change subscription, the last error in words an
 * admin can act on, and the client secret's expiry; "Test connection" and "Sync now" show progress and result.
 */
export function AccountHealthPanel(props: { accountId: string }) {
  const styles = useStyles();
  const { api } = useDesk();
  const health = useResource(
    (signal) => api.getAccountHealth(props.accountId, signal),
    [api, props.accountId],
  );
  const { pending, failure, run } = usePendingAction<'test' | 'sync'>();
  const [test, setTest] = useState<TConnectionTest | undefined>(undefined);
  const [sync, setSync] = useState<TSyncReport | undefined>(undefined);

  const handleTest = () => {
    setTest(undefined);
    return run('test', 'The connection test did not run', async () =>
      setTest(await api.testAccount(props.accountId)),
    );
  };

  const handleSync = () => {
    setSync(undefined);
    return run('sync', 'Sync did not finish', async () => {
      setSync(await api.syncAccount(props.accountId));
      health.reload();
    });
  };

  const data = health.data;
  const subscription = data?.subscription;
  return (
    <PanelCard
      title="Health"
      headingId="health-heading"
      footer={
        <>
          <div className={styles.actions}>
            <Button
              icon={pending === 'test' ? <Spinner size="tiny" /> : <PlugConnectedRegular />}
              onClick={handleTest}
              disabledFocusable={pending !== undefined}
            >
              {pending === 'test' ? 'Testing…' : 'Test connection'}
            </Button>
            <Button
              icon={pending === 'sync' ? <Spinner size="tiny" /> : <ArrowSyncRegular />}
              onClick={handleSync}
              disabledFocusable={pending !== undefined}
            >
              {pending === 'sync' ? 'Syncing…' : 'Sync now'}
            </Button>
          </div>
          <div className={styles.results} aria-live="polite">
            {test && (
              <section aria-label="Connection test result">
                <Text weight="semibold" block>
                  {test.ok ? 'The connection works.' : 'The connection does not work yet.'}
                </Text>
                <ul className={styles.steps}>
                  {test.steps.map((step) => (
                    <li key={step.name} className={styles.step}>
                      {step.ok ? (
                        <CheckmarkCircleRegular className={styles.ok} aria-label="Passed" />
                      ) : (
                        <DismissCircleRegular className={styles.bad} aria-label="Failed" />
                      )}
                      <span>
                        <Text block>{STEP_LABELS[step.name]}</Text>
                        <Caption1>{step.detail}</Caption1>
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {sync && (
              <Text role="status" block>
                Sync finished: {describeSync(sync)}
              </Text>
            )}
          </div>
          {failure && <ErrorBar error={failure.error} title={failure.title} />}
        </>
      }
    >
      <LoadState resource={health} loadingLabel="Loading health…" failedTitle="Health could not be loaded" />
      {data && (
        <FactsList
          facts={[
            {
              label: 'State',
              value: data.stopped ? (
                <Badge appearance="tint" color="warning">
                  Not running: {data.stopped}
                </Badge>
              ) : data.syncing ? (
                <Badge appearance="tint" color="informative">
                  Syncing
                </Badge>
              ) : (
                <Badge appearance="tint" color="success">
                  Running
                </Badge>
              ),
            },
            {
              label: 'Last sync',
              value: data.lastSync ? (
                <>
                  <RelativeTime iso={data.lastSync.finishedAt} />
                  {' · '}
                  {describeSync(data.lastSync)}
                </>
              ) : (
                'Not yet'
              ),
            },
            { label: 'Last 24 hours', value: describeLast24h(data.last24h) },
            { label: 'Instances', value: describeCluster(data.cluster) },
            {
              label: 'Change notifications',
              value:
                subscription?.state === 'active'
                  ? `Active until ${formatDateTime(subscription.expiresAt)} (${data.notifications.received} received${data.notifications.rejected ? `, ${data.notifications.rejected} rejected` : ''})`
                  : subscription
                    ? `${subscription.state === 'idle' ? (subscription.connected ? 'IMAP IDLE' : 'IMAP IDLE reconnecting') : subscription.state === 'disabled' ? 'Off' : subscription.state === 'pending' ? 'Being set up' : 'Failed'}: ${subscription.explanation}`
                    : '',
            },
          ]}
        />
      )}
      {data?.secretExpiry && data.secretExpiry.level !== 'ok' && (
        <MessageBar intent={data.secretExpiry.level === 'warning' ? 'warning' : 'error'}>
          <MessageBarBody>
            <MessageBarTitle>Client secret</MessageBarTitle>
            {data.secretExpiry.message ??
              (data.secretExpiry.daysLeft < 0
                ? `Expired on ${formatDateTime(data.secretExpiry.expiresAt)}.`
                : `Expires in ${data.secretExpiry.daysLeft} days.`)}{' '}
            Create a new secret in the app registration and paste it here.
          </MessageBarBody>
        </MessageBar>
      )}
      {data?.lastError && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Last error, {formatRelative(data.lastError.at)}</MessageBarTitle>
            {data.lastError.explanation}
            {data.reauthorisationRequired ? ' An admin must grant consent again.' : ''}
          </MessageBarBody>
        </MessageBar>
      )}
    </PanelCard>
  );
}
