import MailComposer from 'nodemailer/lib/mail-composer';
import { escapeHtml } from '../core/escape-html.js';

/** An Exchange-style NDR ("Undeliverable: ...") for a recipient in our own domain that does not exist (docs/graph-behaviour.md C23). */
export async function nonDeliveryReport(
  domain: string,
  to: string,
  subject: string,
  recipient: string,
  original: Buffer,
): Promise<Buffer> {
  const composer = new MailComposer({
    from: {
      name: 'Microsoft Outlook',
      address: `MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@${domain}`,
    },
    to,
    subject: `Undeliverable: ${subject}`,
    headers: [
      { key: 'Auto-Submitted', value: 'auto-replied' },
      { key: 'X-MS-Exchange-Message-Is-Ndr', value: '' },
      { key: 'Content-Language', value: 'en-US' },
    ],
    html: `<html><body><p><b><font color="#000066" size="3" face="Arial">Your message to ${escapeHtml(recipient)} couldn't be delivered.</font></b></p>
<p>${escapeHtml(recipient.split('@')[0] ?? recipient)} wasn't found at ${escapeHtml(domain)}.</p>
<p><b>Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'</b></p></body></html>`,
    attachments: [
      {
        filename: `${subject || 'Original message'}.eml`,
        content: original,
        contentType: 'message/rfc822',
        contentDisposition: 'attachment',
      },
    ],
  });
  return composer.compile().build();
}
