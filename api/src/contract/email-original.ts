import { z } from 'zod';

// An email's stored original as the tab shows it ("View original"): the headers a person checks, and the whole body,
// quoted history included, sanitised by the API. The bytes themselves are the download next to it.

const ZAddress = z.object({ name: z.string().optional(), address: z.string() });

export const ZEmailOriginal = z.object({
  from: ZAddress,
  to: z.array(ZAddress),
  cc: z.array(ZAddress),
  subject: z.string(),
  date: z.string().describe('the Date header (MIME), or when the mailbox received it (Graph JSON)'),
  bodyHtml: z
    .string()
    .describe('sanitised HTML of the whole email; scripts, remote content and inline images left out'),
  attachments: z.array(z.object({ name: z.string(), contentType: z.string(), size: z.number().int() })),
  download: z.object({
    contentType: z.enum(['message/rfc822', 'application/json']).describe('what GET .../original returns'),
    fileName: z.string(),
  }),
});
export type TEmailOriginal = z.infer<typeof ZEmailOriginal>;
