import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  makeStyles,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, MailReadRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { ErrorBar } from '../../components/error-bar';
import { FactsList } from '../../components/facts-list';
import { formatAddress, formatAddresses, formatDateTime, formatSize } from '../../components/formatters';
import { LoadState } from '../../components/load-state';
import { SafeHtmlFrame } from '../../components/safe-html-frame';
import { saveBlob } from '../../components/save-blob';
import { usePendingAction } from '../../components/use-pending-action';
import { useResource } from '../../components/use-resource';
import { useDesk } from '../../session/desk-context';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(960px, calc(100vw - 32px))' },
  facts: { marginBottom: tokens.spacingVerticalM },
  body: {
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
  },
});

/**
 * "View original" on an email note: the email as it arrived, read and sanitised by the API and shown in the
 * script-less frame; the download is the stored original itself (.eml, or Graph's .json when the mailbox gave no MIME).
 */
export function ViewOriginalDialog(props: { requestId: number; noteId: string; sender: string }) {
  const styles = useStyles();
  const [isOpen, setIsOpen] = useState(false);
  return (
    <Dialog open={isOpen} onOpenChange={(_, data) => setIsOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button
          appearance="subtle"
          size="small"
          icon={<MailReadRegular />}
          aria-label={`View original of the email from ${props.sender}`}
        >
          View original
        </Button>
      </DialogTrigger>
      <DialogSurface className={styles.surface}>
        {/* Mounted only while open, so the original is fetched when an agent asks for it. */}
        {isOpen && <OriginalBody requestId={props.requestId} noteId={props.noteId} />}
      </DialogSurface>
    </Dialog>
  );
}

function OriginalBody(props: { requestId: number; noteId: string }) {
  const styles = useStyles();
  const { api } = useDesk();
  const original = useResource(
    (signal) => api.viewNoteOriginal(props.requestId, props.noteId, signal),
    [api, props.requestId, props.noteId],
  );
  const download = usePendingAction<'download'>();
  const data = original.data;
  const extension = data?.download.contentType === 'application/json' ? '.json' : '.eml';

  const handleDownload = () =>
    download.run('download', 'The original email could not be downloaded', async () => {
      if (data)
        saveBlob(await api.downloadNoteOriginal(props.requestId, props.noteId), data.download.fileName);
    });

  return (
    <DialogBody>
      <DialogTitle>Original email</DialogTitle>
      <DialogContent>
        <LoadState
          resource={original}
          loadingLabel="Reading the original email…"
          failedTitle="The original email could not be shown"
        />
        {data && (
          <>
            <FactsList
              className={styles.facts}
              aria-label="Headers"
              facts={[
                { label: 'From', value: formatAddress(data.from) || '—' },
                { label: 'To', value: formatAddresses(data.to) || '—' },
                data.cc.length > 0 && { label: 'Cc', value: formatAddresses(data.cc) },
                { label: 'Date', value: formatDateTime(data.date) },
                { label: 'Subject', value: data.subject || '(no subject)' },
                data.attachments.length > 0 && {
                  label: 'Attachments',
                  value: data.attachments
                    .map((a) => `${a.name || '(unnamed)'} (${formatSize(a.size)})`)
                    .join(', '),
                },
              ]}
            />
            <div className={styles.body}>
              <SafeHtmlFrame html={data.bodyHtml} title={`Original email: ${data.subject || 'no subject'}`} />
            </div>
          </>
        )}
        {download.failure && <ErrorBar error={download.failure.error} title={download.failure.title} />}
      </DialogContent>
      <DialogActions>
        {data && (
          <Button
            icon={download.isBusy ? <Spinner size="tiny" /> : <ArrowDownloadRegular />}
            onClick={() => void handleDownload()}
            disabled={download.isBusy}
          >
            Download {extension}
          </Button>
        )}
        <DialogTrigger disableButtonEnhancement>
          <Button appearance="primary">Close</Button>
        </DialogTrigger>
      </DialogActions>
    </DialogBody>
  );
}
