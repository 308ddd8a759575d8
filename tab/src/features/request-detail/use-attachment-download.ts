import { useState } from 'react';
import type { TAttachment } from '../../../../api/src/contract/attachment';
import { useDesk } from '../../session/desk-context';

/**
 * Downloads with the user's token (a plain link cannot send it), then hands the browser a blob URL
 * with the file name, so the file is saved rather than opened inside the tab.
 */
export function useAttachmentDownload() {
  const { api } = useDesk();
  const [pendingId, setPendingId] = useState<string | undefined>(undefined);
  const [error, setError] = useState<Error | undefined>(undefined);

  const download = async (attachment: TAttachment) => {
    setPendingId(attachment.id);
    setError(undefined);
    try {
      const blob = await api.downloadAttachment(attachment);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = attachment.fileName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setPendingId(undefined);
    }
  };

  return { download, pendingId, error };
}
