import { describe, expect, it } from 'vitest';
import type { MailMessage } from '../../../../api/src/domain/mail-message.js';
import { classifyMessage } from '../../../../api/src/reply/classify.js';
import { extractReply } from '../../../../api/src/reply/extract/extract-reply.js';
import { decideRoute } from '../../../../api/src/reply/match.js';
import {
  HTML_CLIENTS,
  STRIPPED_HTML_CLIENTS,
  TEXT_CLIENTS,
  withoutClientMarkup,
} from '../../../fixtures/replies/clients.js';
import { MORE_HTML_CLIENTS } from '../../../fixtures/replies/clients-more.js';
import { LOCALES } from '../../../fixtures/replies/locales.js';
import { matchContext, openRequest } from '../../../fixtures/replies/match-lookup-stub.js';
import {
  CUSTOMER_ADDRESS,
  DESK_ADDRESS,
  LOGO_CID,
  outboundEmail,
} from '../../../fixtures/replies/outbound.js';

// Every client shape of docs/mail-clients.md answering our template, in every language of the issue: the reply is what
// the customer wrote (signature and device footer kept), nothing of our quoted email survives, the quoted logo is not
// kept, pasted images are, and the reply matches its SR through the topmost token.

const words = (text: string) => text.replace(/\s+/g, ' ').trim();

const cases = LOCALES.flatMap((locale, l) =>
  [
    ...HTML_CLIENTS,
    ...MORE_HTML_CLIENTS,
    ...STRIPPED_HTML_CLIENTS,
    ...MORE_HTML_CLIENTS.map(withoutClientMarkup),
    ...TEXT_CLIENTS,
  ].map((build, c) => {
    const requestId = 1000 + l * 40 + c;
    const outbound = outboundEmail({
      requestId,
      outboundId: 7,
      marker: locale.marker,
      greeting: 'Dear Anna,',
      question: 'Could you tell us the error code?',
    });
    return { locale: locale.code, requestId, outbound, reply: build(locale, outbound) };
  }),
);

describe('replies to our template, by client and language', () => {
  it.each(cases.map((c) => [`${c.reply.client} (${c.locale})`, c] as const))(
    '%s: keeps exactly what the customer wrote',
    (_, { reply, outbound }) => {
      const result = extractReply({ html: reply.html, text: reply.text });
      expect(words(result.text)).toBe(words(reply.expected));
      expect(result.text).not.toContain('OUTBOUNDCANARY');
      expect(result.text).not.toContain('##-');
      expect(result.text.toUpperCase()).not.toContain(outbound.token);
      expect(result.html).not.toContain('OUTBOUNDCANARY');
      expect(result.elidedText).toContain('OUTBOUNDCANARY');
      expect(result.inlineContentIds).not.toContain(LOGO_CID);
      if (reply.inlineImage) expect(result.inlineContentIds).toContain(reply.inlineImage);
    },
  );

  it.each(cases.map((c) => [`${c.reply.client} (${c.locale})`, c] as const))(
    '%s: matches its SR through the topmost token',
    async (_, { reply, requestId }) => {
      const message: MailMessage = {
        subject: `RE: Your request [SR-${String(requestId).padStart(6, '0')}]`,
        from: { name: 'Anna', address: CUSTOMER_ADDRESS },
        to: [{ address: DESK_ADDRESS }],
        cc: [],
        replyTo: [],
        receivedAt: '2025-03-01T12:00:00Z',
        headers: [],
        attachments: [],
        ...(reply.html ? { bodyHtml: reply.html } : { bodyText: reply.text }),
      };
      const classification = classifyMessage(message, {
        ownAddresses: [DESK_ADDRESS],
        ownMessageIdDomains: ['contoso.com'],
      });
      expect(classification.class).toBe('human');
      const decision = await decideRoute(
        message,
        classification,
        matchContext({ requests: [openRequest(requestId)] }),
        { unknownSender: 'review', closedSr: 'mail-center' },
      );
      expect(decision).toMatchObject({ kind: 'note', requestId, signal: 'body-token' });
    },
  );
});
