import { describe, expect, it } from 'vitest';
import { fromGraphMessage } from '../../../../api/src/reply/normalise/from-graph-message.js';

describe('Graph message JSON -> MailMessage', () => {
  it('keeps what matching, classification and extraction read', () => {
    const message = fromGraphMessage({
      id: 'AAMkAD1',
      internetMessageId: '<CAF1@mail.gmail.com>',
      conversationId: 'AAQkAD2',
      subject: 'RE: Your request [SR-000123]',
      from: { emailAddress: { name: 'Anna', address: 'anna@fabrikam.example' } },
      toRecipients: [{ emailAddress: { address: 'support@contoso.com' } }],
      ccRecipients: [],
      replyTo: [{ emailAddress: { name: 'Anna', address: 'anna@fabrikam.example' } }],
      receivedDateTime: '2025-03-01T10:00:00Z',
      internetMessageHeaders: [{ name: 'In-Reply-To', value: '<sm.x@contoso.com>' }],
      body: { contentType: 'html', content: '<p>Hi</p>' },
      uniqueBody: { contentType: 'html', content: '<p>Hi</p>' },
      attachments: [
        {
          '@odata.type': '#microsoft.graph.fileAttachment',
          id: 'a1',
          name: 'image001.png',
          contentType: 'image/png',
          size: 10,
          isInline: true,
          contentId: '<image001.png@01DA>',
        },
        {
          '@odata.type': '#microsoft.graph.itemAttachment',
          id: 'a2',
          name: 'Original',
          contentType: null,
          size: 99,
          isInline: false,
        },
      ] as never,
    });
    expect(message).toMatchObject({
      id: 'AAMkAD1',
      internetMessageId: '<CAF1@mail.gmail.com>',
      conversationId: 'AAQkAD2',
      from: { name: 'Anna', address: 'anna@fabrikam.example' },
      to: [{ address: 'support@contoso.com' }],
      receivedAt: '2025-03-01T10:00:00Z',
      headers: [{ name: 'In-Reply-To', value: '<sm.x@contoso.com>' }],
      bodyHtml: '<p>Hi</p>',
      uniqueBodyHtml: '<p>Hi</p>',
    });
    expect(message.attachments).toEqual([
      {
        id: 'a1',
        name: 'image001.png',
        contentType: 'image/png',
        size: 10,
        isInline: true,
        contentId: 'image001.png@01DA',
        kind: 'file',
      },
      {
        id: 'a2',
        name: 'Original',
        contentType: 'application/octet-stream',
        size: 99,
        isInline: false,
        kind: 'item',
      },
    ]);
  });

  it('takes text bodies as text and absent headers as none', () => {
    const message = fromGraphMessage({ body: { contentType: 'text', content: 'plain' } });
    expect(message.bodyText).toBe('plain');
    expect(message.bodyHtml).toBeUndefined();
    expect(message.headers).toEqual([]);
    expect(message.from.address).toBe('');
  });

  it('marks meeting messages and reads the MAPI message class when fetched', () => {
    expect(
      fromGraphMessage({
        '@odata.type': '#microsoft.graph.eventMessageRequest',
        meetingMessageType: 'meetingRequest',
      } as never).messageClass,
    ).toBe('IPM.Schedule.Meeting.meetingRequest');
    expect(
      fromGraphMessage({
        singleValueExtendedProperties: [{ id: 'String 0x1A', value: 'REPORT.IPM.Note.NDR' }],
      }).messageClass,
    ).toBe('REPORT.IPM.Note.NDR');
  });
});
