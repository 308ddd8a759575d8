import { z } from 'zod';
import { ZAddinAttachmentContent, ZAddinEmail, ZMailAddress } from './addin-email.js';

// Demo mode only: the emulator's mailboxes, read through the API, so the add-in can be tried in a browser.

export const ZDemoMailboxes = z.object({
  items: z.array(
    z.object({
      address: z.string(),
      displayName: z.string(),
      isDeskMailbox: z
        .boolean()
        .describe(
          'a mail account with Service Messaging reads it: customer replies, and npm run demo:reply, arrive here',
        ),
    }),
  ),
});
export type TDemoMailboxes = z.infer<typeof ZDemoMailboxes>;

export const ZDemoMessageSummary = z.object({
  id: z.string(),
  subject: z.string(),
  from: ZMailAddress,
  receivedAt: z.string(),
  hasAttachments: z.boolean(),
  preview: z.string(),
});
export type TDemoMessageSummary = z.infer<typeof ZDemoMessageSummary>;
export const ZDemoMessageList = z.object({ items: z.array(ZDemoMessageSummary).describe('Newest first') });

export const ZDemoMessage = z.object({
  email: ZAddinEmail,
  /** What Outlook's getAttachmentContentAsync would return for each file attachment. */
  attachmentContents: z.array(ZAddinAttachmentContent),
});
export type TDemoMessage = z.output<typeof ZDemoMessage>;
