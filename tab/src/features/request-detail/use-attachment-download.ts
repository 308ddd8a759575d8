import { useState } from 'react';
import type { TAttachment } from '../../../../api/src/contract/attachment';
import { toError } from '../../../../web-shared/to-error';
import { saveBlob } from '../../components/save-blob';
import { useDesk } from '../../session/desk-context';

/** Downloads an attachment with the user's token and saves it under its own name. */
export function useAttachmentDownload() {
  const { api } = useDesk();
  const [pendingId, setPendingId] = useState<string | undefined>(undefined);
  const [error, setError] = useState<Error | undefined>(undefined);

  const download = async (attachment: TAttachment) => {
    setPendingId(attachment.id);
    setError(undefined);
    try {
      saveBlob(await api.downloadAttachment(attachment), attachment.fileName);
    } catch (err) {
      setError(toError(err));
    } finally {
      setPendingId(undefined);
    }
  };

  return { download, pendingId, error };
}
