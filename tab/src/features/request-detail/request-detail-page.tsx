import { Button, makeStyles, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import { ArrowLeftRegular, MailRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState } from 'react';
import type { TServiceRequest } from '../../../../api/src/contract/service-request';
import { DetailColumns } from '../../components/detail-columns';
import { isLoaded, LoadState } from '../../components/load-state';
import { RefreshButton } from '../../components/refresh-button';
import { useResource } from '../../components/use-resource';
import { useLiveChange } from '../../live/live-changes';
import { useDesk } from '../../session/desk-context';
import { AttachmentsPanel } from './attachments-panel';
import { EmailsPanel } from './emails-panel';
import { HeldReplyBanner } from './held-reply-banner';
import { HistoryPanel } from './history-panel';
import { NotesTimeline } from './notes-timeline';
import { RequestHeader } from './request-header';
import { SendEmailDialog } from './send-email-dialog';

const useStyles = makeStyles({
  top: {
    display: 'flex',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    marginBottom: tokens.spacingVerticalM,
  },
  topActions: { display: 'flex', gap: tokens.spacingHorizontalS },
  side: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

export function RequestDetailPage(props: { srRef: string }) {
  const styles = useStyles();
  const { api } = useDesk();
  const { srRef } = props;
  const request = useResource((signal) => api.getRequest(srRef, signal), [api, srRef]);
  const notes = useResource((signal) => api.listNotes(srRef, signal), [api, srRef]);
  const attachments = useResource((signal) => api.listAttachments(srRef, signal), [api, srRef]);
  const history = useResource((signal) => api.listHistory(srRef, signal), [api, srRef]);
  const emails = useResource((signal) => api.listEmails(srRef, signal), [api, srRef]);
  const held = useResource((signal) => api.listHeldReplies(srRef, signal), [api, srRef]);
  const [isEmailing, setIsEmailing] = useState(false);
  // The dialog gives focus back to the button that opened it.
  const restoreFocusTarget = useRestoreFocusTarget();

  const reloadAll = useCallback(() => {
    request.reload();
    notes.reload();
    attachments.reload();
    history.reload();
    emails.reload();
    held.reload();
  }, [request.reload, notes.reload, attachments.reload, history.reload, emails.reload, held.reload]);

  useRefreshWhenVisible(reloadAll);
  // A reply filed by the engine, a note from another agent: this SR's screen follows without a reload.
  const requestId = request.data?.id;
  useLiveChange(
    (change) =>
      requestId !== undefined && (change.allRequests === true || change.requestIds.includes(requestId)),
    reloadAll,
  );
  useMarkReplySeen(request.data);

  const { setData: setRequest } = request;
  const { reload: reloadHistory } = history;
  const handleRequestChange = useCallback(
    (next: TServiceRequest) => {
      setRequest(() => next);
      reloadHistory();
    },
    [setRequest, reloadHistory],
  );

  if (!isLoaded(request)) {
    return (
      <LoadState
        resource={request}
        loadingLabel={`Loading ${srRef}…`}
        failedTitle={`${srRef} could not be loaded`}
        missing={{
          title: `${srRef} does not exist`,
          text: 'Check the number, or search the list for the request.',
          backHref: '#/requests',
          backLabel: 'Back to service requests',
        }}
      />
    );
  }

  const sr = request.data;
  return (
    <>
      <div className={styles.top}>
        <Button as="a" href="#/requests" appearance="subtle" icon={<ArrowLeftRegular />}>
          Service requests
        </Button>
        <div className={styles.topActions}>
          <RefreshButton onRefresh={reloadAll} isLoading={request.isLoading || notes.isLoading} />
          <Button
            appearance="primary"
            icon={<MailRegular />}
            onClick={() => setIsEmailing(true)}
            {...restoreFocusTarget}
          >
            Send email
          </Button>
        </div>
      </div>
      <HeldReplyBanner sr={sr} held={held} onFiled={reloadAll} />
      <RequestHeader sr={sr} onChange={handleRequestChange} />
      <DetailColumns>
        <NotesTimeline
          sr={sr}
          notes={notes}
          emails={emails.data?.items ?? []}
          attachments={attachments.data?.items ?? []}
          onNoteAdded={reloadAll}
        />
        <div className={styles.side}>
          <EmailsPanel emails={emails} />
          <AttachmentsPanel sr={sr} attachments={attachments} onUploaded={history.reload} />
          <HistoryPanel history={history} />
        </div>
      </DetailColumns>
      {isEmailing && (
        <SendEmailDialog
          sr={sr}
          attachments={attachments.data?.items ?? []}
          onSent={() => {
            emails.reload();
            history.reload();
          }}
          onClose={() => setIsEmailing(false)}
        />
      )}
    </>
  );
}

/** Agents leave the tab open in Teams; coming back to it shows replies that arrived meanwhile. */
function useRefreshWhenVisible(refresh: () => void): void {
  useEffect(() => {
    const handleVisibility = () => document.visibilityState === 'visible' && refresh();
    document.addEventListener('visibilitychange', handleVisibility);
    return () => document.removeEventListener('visibilitychange', handleVisibility);
  }, [refresh]);
}

/** Opening the SR is seeing the reply: clear "has new email reply" so the list stops flagging it. */
function useMarkReplySeen(sr: TServiceRequest | undefined): void {
  const { api } = useDesk();
  const number = sr?.hasNewEmailReply ? sr.number : undefined;
  useEffect(() => {
    if (number)
      api
        .updateRequest(number, { hasNewEmailReply: false })
        .catch((err: unknown) => console.warn('Could not mark the reply as seen.', err));
  }, [api, number]);
}
