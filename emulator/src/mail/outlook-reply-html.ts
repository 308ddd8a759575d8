import { escapeHtml } from '../core/escape-html.js';
import type { Recipient, StoredMessage } from '../state/mail-types.js';

/**
 * The HTML Outlook on the web writes for a reply (docs/mail-clients.md §1): the new text in `elementToProof`
 * blocks, `appendonsend`, the `divRplyFwdMsg` header block, then the original in a sibling div.
 */
export function outlookReplyHtml(
  replyHtml: string,
  original: Pick<StoredMessage, 'from' | 'toRecipients' | 'ccRecipients' | 'subject' | 'sentDateTime'>,
  quotedHtml: string,
): string {
  const sentText = outlookDate(new Date(original.sentDateTime ?? Date.now()));
  const cc = original.ccRecipients.length > 0 ? `<br>\r\n<b>Cc:</b> ${names(original.ccRecipients)}` : '';
  // Outlook prefixes ids and classes inside the quoted original with x_ (x_divRplyFwdMsg, x_MsoNormal).
  const inner = quotedHtml
    .replace(/^[\s\S]*<body[^>]*>/i, '')
    .replace(/<\/body>[\s\S]*$/i, '')
    .replace(
      /\b(id|class)="([^"]+)"/g,
      (_m, attr: string, value: string) =>
        `${attr}="${value
          .split(/\s+/)
          .map((v) => `x_${v}`)
          .join(' ')}"`,
    );
  return (
    `<html><head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n<style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style>\r\n</head>\r\n<body dir="ltr">\r\n` +
    `<div class="elementToProof" style="font-family: Aptos, Aptos_EmbeddedFont, Aptos_MSFontService, Calibri, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);">\r\n${replyHtml}</div>\r\n` +
    `<div id="appendonsend"></div>\r\n<hr style="display:inline-block;width:98%" tabindex="-1">\r\n` +
    `<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000"><b>From:</b> ${names(original.from ? [original.from] : [])}<br>\r\n` +
    `<b>Sent:</b> ${escapeHtml(sentText)}<br>\r\n<b>To:</b> ${names(original.toRecipients)}${cc}<br>\r\n<b>Subject:</b> ${escapeHtml(original.subject)}</font>\r\n<div>&nbsp;</div>\r\n</div>\r\n` +
    `<div>${inner}</div>\r\n</body>\r\n</html>\r\n`
  );
}

/** "Monday, March 3, 2025 2:05 PM", as the English header block shows it (in UTC here). */
function outlookDate(date: Date): string {
  const part = (options: Intl.DateTimeFormatOptions): string =>
    date.toLocaleString('en-US', { ...options, timeZone: 'UTC' });
  return `${part({ weekday: 'long' })}, ${part({ month: 'long' })} ${part({ day: 'numeric' })}, ${part({ year: 'numeric' })} ${part({ hour: 'numeric', minute: '2-digit' })}`;
}

function names(recipients: Recipient[]): string {
  return recipients
    .map((r) => `${escapeHtml(r.emailAddress.name)} &lt;${escapeHtml(r.emailAddress.address)}&gt;`)
    .join('; ');
}
