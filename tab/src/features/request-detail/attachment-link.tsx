import { Button, Spinner } from '@fluentui/react-components';
import { AttachRegular } from '@fluentui/react-icons';
import type { TAttachment } from '../../../../api/src/contract/attachment';
import { ErrorBar } from '../../components/error-bar';
import { formatSize } from '../../components/formatters';
import { useAttachmentDownload } from './use-attachment-download';

/** A note's file, downloadable from the note itself. */
export function AttachmentLink(props: { attachment: TAttachment }) {
  const { download, pendingId, error } = useAttachmentDownload();
  const { attachment } = props;
  return (
    <>
      <Button
        size="small"
        appearance="outline"
        icon={pendingId ? <Spinner size="extra-tiny" /> : <AttachRegular />}
        onClick={() => void download(attachment)}
        aria-label={`Download ${attachment.fileName} (${formatSize(attachment.size)})`}
      >
        {attachment.fileName}
      </Button>
      {error && <ErrorBar error={error} title={`${attachment.fileName} could not be downloaded`} />}
    </>
  );
}
