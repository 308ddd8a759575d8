import type { StubAttachment, StubMessage } from './addin-office-stub.js';

// The email open in Outlook in the browser tests: a customer's Outlook reply that quotes our email, whose marker
// arrived damaged, with a report, a photo and the quoted logo (inline) attached.

const base64 = (text: string): string => Buffer.from(text).toString('base64');

export const REPORT: StubAttachment = {
  id: 'att-report',
  name: 'battery-report.pdf',
  contentType: 'application/pdf',
  size: 1800,
  isInline: false,
  contentBase64: base64('%PDF-1.4 battery report'),
};
export const PHOTO: StubAttachment = {
  id: 'att-photo',
  name: 'photo.jpg',
  contentType: 'image/jpeg',
  size: 2400,
  isInline: false,
  contentBase64: base64('jpeg bytes'),
};
export const LOGO: StubAttachment = {
  id: 'att-logo',
  name: 'image001.png',
  contentType: 'image/png',
  size: 900,
  isInline: true,
  contentBase64: base64('png bytes'),
};

export function damagedReply(
  markerLine: string,
  internetMessageId = '<reply-1@mail.fabrikam.test>',
): StubMessage {
  const text = 'Still draining overnight. The battery report is attached.';
  return {
    subject: 'RE: Your request',
    from: { displayName: 'Pat Customer', emailAddress: 'pat@fabrikam.test' },
    to: [{ displayName: 'Contoso Support', emailAddress: 'support@contoso.test' }],
    receivedAt: '2026-03-02T09:30:00Z',
    internetMessageId,
    conversationId: 'AAQk-customer-thread',
    itemId: 'AAMk-item-1',
    // The customer replied from another thread: no In-Reply-To, so only the damaged marker is left.
    internetHeaders: `From: Pat Customer <pat@fabrikam.test>\r\nTo: support@contoso.test\r\nSubject: RE: Your request\r\nMessage-ID: ${internetMessageId}\r\nX-Folded: first\r\n second\r\n`,
    html:
      `<div class="elementToProof">${text}</div><div id="appendonsend"></div><hr>` +
      `<div id="divRplyFwdMsg"><b>From:</b> Contoso Support<br><b>Subject:</b> Your request</div>` +
      `<div><p>We are looking into it.</p><p>${markerLine}</p><img src="cid:image001.png"></div>`,
    text: `${text}\n\n________________________________\nFrom: Contoso Support\nSubject: Your request\n\nWe are looking into it.\n\n${markerLine}`,
    attachments: [REPORT, PHOTO, LOGO],
  };
}
