import type { TDemoMessage } from '../../../api/src/contract/demo-mailbox';
import type { AddinApi } from '../api/addin-api';
import type { MailHost } from './mail-host';

// Demo mode in a plain browser: the "open email" is one the agent picks from the emulator's mailboxes, read
// through the API (browsers do not trust the emulator's local CA). Same interface as Outlook, so the rest of
// the pane cannot tell the difference.
export type DemoMailboxHost = MailHost & {
  open(mailbox: string, messageId: string): void;
  close(): void;
};

export function createDemoMailboxHost(api: AddinApi): DemoMailboxHost {
  let current: Promise<TDemoMessage | undefined> = Promise.resolve(undefined);
  const listeners = new Set<() => void>();
  const show = (next: Promise<TDemoMessage | undefined>) => {
    current = next;
    // Readers get the failure; this branch only keeps it from being reported as unhandled meanwhile.
    next.catch(() => undefined);
    listeners.forEach((listener) => listener());
  };

  return {
    kind: 'demo-mailbox',
    async readCurrentEmail() {
      return (await current)?.email;
    },
    async readAttachmentContent(attachmentId) {
      const content = (await current)?.attachmentContents.find((a) => a.id === attachmentId);
      if (!content)
        throw new Error(
          'This attachment has no content in the demo mailbox (an attached item or a cloud link).',
        );
      return content.contentBase64;
    },
    onEmailChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    open: (mailbox, messageId) => show(api.demoMessage(mailbox, messageId)),
    close: () => show(Promise.resolve(undefined)),
  };
}
