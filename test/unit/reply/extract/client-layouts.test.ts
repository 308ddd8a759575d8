import { describe, expect, it } from 'vitest';
import { extractReply } from '../../../../api/src/reply/extract/extract-reply.js';
import { HTML_INTERLEAVED, NOTE_INSIDE_QUOTE } from '../../../fixtures/replies/layouts-html.js';
import { BOTTOM_POSTED, FORWARDED, INTERLEAVED } from '../../../fixtures/replies/layouts.js';
import { LOCALES } from '../../../fixtures/replies/locales.js';
import { outboundEmail } from '../../../fixtures/replies/outbound.js';

// Replies written below the quote, between quoted lines, and above a forwarded message, in every language of the
// fixtures: the note says exactly what the customer wrote (an interleaved answer keeps the question it answers), and
// what was cut is kept folded, never dropped.

const words = (text: string) => text.replace(/\s+/g, ' ').trim();

const cases = LOCALES.flatMap((locale, l) =>
  [...BOTTOM_POSTED, ...INTERLEAVED, ...HTML_INTERLEAVED, ...NOTE_INSIDE_QUOTE, ...FORWARDED].map(
    (build, c) => {
      const outbound = outboundEmail({
        requestId: 3000 + l * 20 + c,
        outboundId: 4,
        marker: locale.marker,
        greeting: 'Dear Anna,',
        question: 'Could you tell us the error code?',
      });
      return { locale: locale.code, outbound, reply: build(locale, outbound) };
    },
  ),
);

describe('replies below, between and above quoted mail, by client and language', () => {
  it.each(cases.map((c) => [`${c.reply.layout}: ${c.reply.client} (${c.locale})`, c] as const))(
    '%s',
    (_, { reply, outbound }) => {
      const result = extractReply({ html: reply.html, text: reply.text });
      expect(words(result.text)).toBe(words(reply.expected));
      expect(result.text.toUpperCase()).not.toContain(outbound.token);
      expect(result.text).not.toContain('##-');
      if (reply.layout !== 'interleaved') expect(result.text).not.toContain('OUTBOUNDCANARY');
      // What was cut stays with the note, folded: the quoted email, or (interleaved) our marker line with its token.
      expect(result.elidedText.toUpperCase()).toContain(
        reply.layout === 'interleaved' ? outbound.token : 'OUTBOUNDCANARY',
      );
      expect(result.elidedHtml?.toUpperCase()).toContain(
        reply.layout === 'interleaved' ? outbound.token : 'OUTBOUNDCANARY',
      );
      if (reply.layout === 'forward' && reply.text) expect(result.layout).toBe('forwarded');
    },
  );
});
