import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, MailReadRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { TEmailOriginal } from '../../../../api/src/contract/email-original';
import { ErrorBar } from '../../components/error-bar';
import { formatDateTime, formatSize } from '../../components/formatters';
import { LoadingBlock } from '../../components/loading-block';
import { SafeHtmlFrame } from '../../components/safe-html-frame';
import { saveBlob } from '../../components/save-blob';
import { useResource } from '../../components/use-resource';
import { useDesk } from '../../session/desk-context';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(960px, calc(100vw - 32px))' },
  facts: { display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: `0 0 ${tokens.spacingVerticalM}` },
  term: { color: tokens.colorNeutralForeground3 },
  detail: { margin: 0, overflowWrap: 'anywhere' },
  body: { borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalM },
});

type Address = TEmailOriginal['from'];
const addressLabel = (a: Address): string => (a.name ? `${a.name} <${a.address}>` : a.address);
const addressList = (list: Address[]): string => list.map(addressLabel).join(', ');

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
        <Button appearance="subtle" size="small" icon={<MailReadRegular />} aria-label={`View original of the email from ${props.sender}`}>
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
  const original = useResource((signal) => api.viewNoteOriginal(props.requestId, props.noteId, signal), [api, props.requestId, props.noteId]);
  const [isDownloading, setIsDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<Error | undefined>(undefined);
  const data = original.data;
  const extension = data?.download.contentType === 'application/json' ? '.json' : '.eml';

  const handleDownload = async () => {
    if (!data) return;
    setIsDownloading(true);
    setDownloadError(undefined);
    try {
      saveBlob(await api.downloadNoteOriginal(props.requestId, props.noteId), data.download.fileName);
    } catch (err) {
      setDownloadError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setIsDownloading(false);
    }
  };

  return (
    <DialogBody>
      <DialogTitle>Original email</DialogTitle>
      <DialogContent>
        {original.error && <ErrorBar error={original.error} title="The original email could not be shown" onRetry={original.reload} />}
        {!data && !original.error && <LoadingBlock label="Reading the original email…" />}
        {data && (
          <>
            <dl className={styles.facts} aria-label="Headers">
              <dt className={styles.term}>From</dt>
              <dd className={styles.detail}>{addressLabel(data.from) || '—'}</dd>
              <dt className={styles.term}>To</dt>
              <dd className={styles.detail}>{addressList(data.to) || '—'}</dd>
              {data.cc.length > 0 && (
                <>
                  <dt className={styles.term}>Cc</dt>
                  <dd className={styles.detail}>{addressList(data.cc)}</dd>
                </>
              )}
              <dt className={styles.term}>Date</dt>
              <dd className={styles.detail}>{formatDateTime(data.date)}</dd>
              <dt className={styles.term}>Subject</dt>
              <dd className={styles.detail}>{data.subject || '(no subject)'}</dd>
              {data.attachments.length > 0 && (
                <>
                  <dt className={styles.term}>Attachments</dt>
                  <dd className={styles.detail}>{data.attachments.map((a) => `${a.name || '(unnamed)'} (${formatSize(a.size)})`).join(', ')}</dd>
                </>
              )}
            </dl>
            <div className={styles.body}>
              <SafeHtmlFrame html={data.bodyHtml} title={`Original email: ${data.subject || 'no subject'}`} />
            </div>
          </>
        )}
        {downloadError && <ErrorBar error={downloadError} title="The original email could not be downloaded" />}
      </DialogContent>
      <DialogActions>
        {data && (
          <Button icon={isDownloading ? <Spinner size="tiny" /> : <ArrowDownloadRegular />} onClick={() => void handleDownload()} disabled={isDownloading}>
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
