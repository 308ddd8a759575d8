import {
  Button,
  Caption1,
  Card,
  CardHeader,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowDownloadRegular,
  ArrowLeftRegular,
  ArrowSyncRegular,
  DeleteRegular,
  DocumentAddRegular,
  LinkRegular,
} from '@fluentui/react-icons';
import { useState, type FormEvent } from 'react';
import type { TMailCenterItem } from '../../../../api/src/contract/mail-center';
import { DetailColumns } from '../../components/detail-columns';
import { ErrorBar } from '../../components/error-bar';
import { isLoaded, LoadState } from '../../components/load-state';
import { PageHeader } from '../../components/page-header';
import { saveBlob } from '../../components/save-blob';
import { useNotify } from '../../components/use-notify';
import { usePendingAction } from '../../components/use-pending-action';
import { useResource } from '../../components/use-resource';
import { href, requestHref } from '../../routing/route';
import { navigate } from '../../routing/use-hash-route';
import { useDesk } from '../../session/desk-context';
import { REASON_LABELS } from './mail-center-labels';
import { MailItemEmailCard } from './mail-item-email-card';
import { SrPicker } from './sr-picker';
import { WhyHeldCard } from './why-held-card';

const useStyles = makeStyles({
  top: { marginBottom: tokens.spacingVerticalM },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  card: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalM },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const MAIL_CENTER_HREF = href({ page: 'mail-center', params: new URLSearchParams() });

type Action = 'link' | 'create' | 'discard' | 'reprocess' | 'download';
const ACTION_FAILED: Record<Action, string> = {
  link: 'The email was not linked',
  create: 'No SR was created',
  discard: 'The email was not discarded',
  reprocess: 'Reprocessing failed',
  download: 'The original email could not be downloaded',
};

/** One Mail Center email: why it is here (reason and evidence), what it says, and what to do with it. */
export function MailItemPage(props: { itemId: string }) {
  const styles = useStyles();
  const { api } = useDesk();
  const notify = useNotify();
  const item = useResource((signal) => api.getMailCenterItem(props.itemId, signal), [api, props.itemId]);
  const [requestRef, setRequestRef] = useState('');
  const { pending, failure, run: runAction } = usePendingAction<Action>();
  const [outcome, setOutcome] = useState<string | undefined>(undefined);

  const run = (action: Action, work: () => Promise<void>) => {
    setOutcome(undefined);
    return runAction(action, ACTION_FAILED[action], work);
  };

  const update = (next: TMailCenterItem) => item.setData(() => next);

  const handleLink = (event: FormEvent) => {
    event.preventDefault();
    void run('link', async () => {
      const result = await api.linkMailCenterItem(props.itemId, requestRef);
      update(result.item);
      const number = result.item.resolution?.requestId;
      notify('Email linked', number ? `It is a note on ${srNumber(number)} now.` : undefined);
    });
  };
  // A reply to a closed SR, filed from here with or without reopening the SR.
  const [linkingAs, setLinkingAs] = useState<'reopen' | 'keep'>('reopen');
  const handleFileHeld = (status: 'reopen' | 'keep') => {
    const target = item.data?.candidateRequestIds[0];
    if (target === undefined) return;
    setLinkingAs(status);
    void run('link', async () => {
      const result = await api.linkMailCenterItem(props.itemId, srNumber(target), status);
      update(result.item);
      notify(
        'Email filed',
        `It is a note on ${srNumber(target)} now${status === 'reopen' ? ', and the SR is open again' : ''}.`,
      );
    });
  };
  const handleCreate = () =>
    run('create', async () => {
      const result = await api.createRequestFromMailCenterItem(props.itemId);
      notify(`${result.request.number} created`, 'The email is its first note.');
      navigate(requestHref(result.request.number));
    });
  const handleDiscard = () =>
    run('discard', async () => {
      update(await api.discardMailCenterItem(props.itemId));
      notify('Email discarded');
    });
  // Reprocessing runs the whole pipeline again and can take a moment: the button shows progress, the page the result.
  const handleReprocess = () =>
    run('reprocess', async () => {
      const next = await api.reprocessMailCenterItem(props.itemId);
      update(next);
      setOutcome(
        next.state === 'linked' && next.resolution?.requestId
          ? `Reprocessed: the email became a note on ${srNumber(next.resolution.requestId)}.`
          : `Reprocessed: the email still needs a person (${REASON_LABELS[next.reason]}).`,
      );
    });
  const handleDownload = () =>
    run('download', async () => {
      const data = item.data;
      const extension = data?.originalContentType === 'application/json' ? 'json' : 'eml';
      saveBlob(
        await api.downloadMailCenterOriginal(props.itemId),
        `${data?.subject.replace(/[^\w .-]+/g, '_').slice(0, 80) || 'email'}.${extension}`,
      );
    });

  if (!isLoaded(item)) {
    return (
      <LoadState
        resource={item}
        loadingLabel="Loading the email…"
        failedTitle="The email could not be loaded"
        missing={{
          title: 'This email is not in the Mail Center',
          text: 'It may have been handled and removed by another agent.',
          backHref: MAIL_CENTER_HREF,
          backLabel: 'Back to the Mail Center',
        }}
      />
    );
  }

  const data = item.data;
  const isOpen = data.state === 'open';

  return (
    <>
      <div className={styles.top}>
        <Button as="a" href={MAIL_CENTER_HREF} appearance="subtle" icon={<ArrowLeftRegular />}>
          Mail Center
        </Button>
      </div>
      <PageHeader
        path={`Mail Center › ${REASON_LABELS[data.reason]}`}
        title={data.subject || '(no subject)'}
        actions={
          <Button
            icon={pending === 'download' ? <Spinner size="tiny" /> : <ArrowDownloadRegular />}
            onClick={handleDownload}
            disabled={pending !== undefined}
          >
            Download original
          </Button>
        }
      />
      <DetailColumns>
        <div className={styles.stack}>
          <WhyHeldCard
            item={data}
            pending={pending === 'link' ? linkingAs : undefined}
            onFile={handleFileHeld}
          />
          <MailItemEmailCard item={data} />
        </div>
        <div className={styles.stack}>
          {/* A handled email says so above; only open ones can be acted on. */}
          {isOpen && (
            <>
              <Card className={styles.card}>
                <CardHeader header={<Subtitle2 as="h2">Link to an SR</Subtitle2>} />
                <form className={styles.form} onSubmit={handleLink} noValidate aria-label="Link to an SR">
                  <SrPicker
                    candidateIds={data.candidateRequestIds}
                    value={requestRef}
                    onChange={setRequestRef}
                    disabled={pending !== undefined}
                  />
                  <Button
                    type="submit"
                    appearance="primary"
                    icon={pending === 'link' ? <Spinner size="tiny" /> : <LinkRegular />}
                    disabled={!requestRef || pending !== undefined}
                  >
                    Link as a note
                  </Button>
                </form>
              </Card>
              <Card className={styles.card}>
                <CardHeader header={<Subtitle2 as="h2">Other actions</Subtitle2>} />
                <div className={styles.actions}>
                  <Button
                    icon={pending === 'create' ? <Spinner size="tiny" /> : <DocumentAddRegular />}
                    onClick={handleCreate}
                    disabled={pending !== undefined}
                  >
                    Create SR
                  </Button>
                  <Button
                    icon={pending === 'reprocess' ? <Spinner size="tiny" /> : <ArrowSyncRegular />}
                    onClick={handleReprocess}
                    disabled={pending !== undefined}
                  >
                    {pending === 'reprocess' ? 'Reprocessing…' : 'Reprocess'}
                  </Button>
                  <Button
                    icon={pending === 'discard' ? <Spinner size="tiny" /> : <DeleteRegular />}
                    onClick={handleDiscard}
                    disabled={pending !== undefined}
                  >
                    Discard
                  </Button>
                </div>
                <Caption1>
                  Reprocess runs the email through matching again, for example after fixing a participant or
                  reopening an SR.
                </Caption1>
              </Card>
            </>
          )}
          {outcome && (
            <MessageBar intent="info" role="status">
              <MessageBarBody>{outcome}</MessageBarBody>
            </MessageBar>
          )}
          {failure && <ErrorBar error={failure.error} title={failure.title} />}
        </div>
      </DetailColumns>
    </>
  );
}

const srNumber = (id: number): string => `SR-${String(id).padStart(6, '0')}`;
