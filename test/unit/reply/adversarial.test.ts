import { describe, expect, it } from 'vitest';
import { decodeEcId } from '../../../api/src/domain/ec-id.js';
import { findEcIdCandidates } from '../../../api/src/domain/ec-id-scan.js';
import type { MailMessage } from '../../../api/src/domain/mail-message.js';
import { classifyMessage } from '../../../api/src/reply/classify.js';
import { extractReply, MAX_HTML_CHARS } from '../../../api/src/reply/extract/extract-reply.js';
import { isAttribution, startsAttribution } from '../../../api/src/reply/extract/attribution-patterns.js';
import { isBannerLine, isDeviceFooter } from '../../../api/src/reply/extract/client-additions.js';
import {
  headerLabelKind,
  isDelimiterLine,
  isHistorySeparator,
} from '../../../api/src/reply/extract/quote-patterns.js';
import { decideRoute } from '../../../api/src/reply/match.js';
import { fromMime } from '../../../api/src/reply/normalise/from-mime.js';
import { matchContext, openRequest } from '../../fixtures/replies/match-lookup-stub.js';
import { KEYRING } from '../../fixtures/replies/outbound.js';

// Bad input (issue 4): every one of these gets a result or a clear classification within a time bound, never a crash
// and never catastrophic regex backtracking. Bounds are generous for a loaded CI machine; the real times are a
// fraction of them.

function timed<T>(bound: number, run: () => T): T {
  const started = performance.now();
  const result = run();
  expect(performance.now() - started).toBeLessThan(bound);
  return result;
}

function message(body: Partial<MailMessage>): MailMessage {
  return {
    subject: 'x',
    from: { address: 'a@b.example' },
    to: [],
    cc: [],
    replyTo: [],
    receivedAt: '2025-01-01T00:00:00Z',
    headers: [],
    attachments: [],
    ...body,
  };
}

describe('hostile and broken input', () => {
  // The speed of a large body is a bench figure (npm run bench -- --only=extract); here only the outcome counts.
  it('does not parse 10 MB of html: the note comes from the text part and says the html was not read', () => {
    const paragraph =
      '<p class="MsoNormal">Lorem ipsum <b>dolor</b> sit amet, consectetur adipiscing elit.</p>\n';
    const html = `<html><body><div>Reply on top.</div>${paragraph.repeat(Math.ceil(10_000_000 / paragraph.length))}</body></html>`;
    const reply = extractReply({
      html,
      text: 'Reply on top.\n\nOn Mon, 1 Jan 2024, Desk <desk@contoso.test> wrote:\n> Lorem ipsum',
    });
    expect(reply.htmlNotParsed).toEqual({ chars: html.length, limit: MAX_HTML_CHARS });
    expect(reply.text).toBe('Reply on top.');
    expect(reply.elidedText).toContain('> Lorem ipsum');
    expect(extractReply({ html }).text).toBe('');
  });

  it('parses html just under the size cap, quoted lines and all', () => {
    const line = '<div>&gt; Lorem ipsum dolor sit amet, consectetur adipiscing elit.</div>';
    const quote = line.repeat(Math.floor((MAX_HTML_CHARS - 400) / line.length));
    const html = `<div>On Mon, 1 Jan 2024 at 10:00, Desk &lt;desk@contoso.test&gt; wrote:</div>${quote}<div>My answer below.</div>`;
    expect(html.length).toBeLessThanOrEqual(MAX_HTML_CHARS);
    const reply = extractReply({ html });
    expect(reply.htmlNotParsed).toBeUndefined();
    expect(reply).toMatchObject({ text: 'My answer below.', layout: 'bottom-posted' });
  });

  it('survives 100,000 nested tags', () => {
    const html = `${'<div>'.repeat(100_000)}deep text${'</div>'.repeat(100_000)}<div class="gmail_quote">quoted</div>`;
    const reply = timed(10_000, () => extractReply({ html }));
    expect(reply.text).toBe('deep text');
    expect(reply.html).toContain('deep text');
  });

  it('survives unclosed nesting and a body that is all tags', () => {
    expect(timed(10_000, () => extractReply({ html: '<div><span><b><i>'.repeat(50_000) })).text).toBe('');
  });

  it('reads a body of 100,000 line breaks above the text in linear time', () => {
    // The banner check renders the first lines with text; it counted them again at every line break, so a body of
    // <br>s took the square of their number (40,000 of them took seconds, 100,000 minutes).
    expect(
      timed(5_000, () =>
        extractReply({ html: `<div>${'<br>'.repeat(100_000)}Works now.</div>` }),
      ).text.trim(),
    ).toBe('Works now.');
  });

  it('handles the marker repeated 1,000 times', () => {
    const line = '##- Please type your reply above this line -## [SR-000123-7-TWWA4CRAHNG]\n';
    const text = `Top reply.\n${line.repeat(1000)}`;
    expect(timed(2_000, () => extractReply({ text })).text).toBe('Top reply.');
    expect(
      timed(2_000, () => extractReply({ html: `<div>Top reply.</div>${`<div>${line}</div>`.repeat(1000)}` }))
        .text,
    ).toBe('Top reply.');
  });

  it('matches on the topmost of 1,000 markers without scanning them all into a decision', async () => {
    const line = '> ##- Please type your reply above this line -## [SR-000123-7-TWWA4CRAHNG]\n';
    const m = message({ bodyText: `Top reply.\n${line.repeat(1000)}` });
    const started = performance.now();
    const decision = await decideRoute(
      m,
      classifyMessage(m, { ownAddresses: [], ownMessageIdDomains: [] }),
      matchContext({ requests: [openRequest(123)] }),
      {
        unknownSender: 'accept',
        closedSr: 'mail-center',
      },
    );
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(decision).toMatchObject({ kind: 'note', requestId: 123, signal: 'body-token' });
  });

  it('handles binary garbage as text and as html', () => {
    const garbage = Array.from({ length: 200_000 }, (_, i) => String.fromCharCode((i * 7919) % 65_536)).join(
      '',
    );
    timed(10_000, () => extractReply({ text: garbage }));
    timed(10_000, () => extractReply({ html: garbage }));
    timed(5_000, () =>
      classifyMessage(message({ bodyText: garbage, subject: garbage.slice(0, 5000) }), {
        ownAddresses: [],
        ownMessageIdDomains: [],
      }),
    );
  });

  it('handles broken MIME and undecodable charsets', async () => {
    const broken = Buffer.from(
      'Content-Type: multipart/mixed; boundary="b"\r\nSubject: =?bogus?Q?x?=\r\n\r\n--b\r\nContent-Type: text/plain; charset=x-nonsense\r\nContent-Transfer-Encoding: base64\r\n\r\n@@@@\r\n',
    );
    const parsed = await fromMime(broken);
    expect(() => extractReply({ html: parsed.bodyHtml, text: parsed.bodyText })).not.toThrow();
    expect(await fromMime(Buffer.alloc(0))).toBeDefined();
  });

  it('handles a 5 MB single line and a million empty lines', () => {
    timed(10_000, () => extractReply({ text: `${'a'.repeat(5_000_000)}\n> quote` }));
    timed(10_000, () => extractReply({ text: '\n'.repeat(1_000_000) }));
  });

  // Inputs shaped to make a backtracking regex explode: long runs of what each pattern repeats, then a mismatch.
  const evil = [
    ' '.repeat(50_000) + 'x',
    '-'.repeat(50_000) + 'x',
    '>'.repeat(50_000) + 'x',
    '@'.repeat(50_000),
    'a@'.repeat(25_000),
    'On 1 '.repeat(10_000),
    '1:1 '.repeat(12_000),
    ':'.repeat(50_000),
    '<'.repeat(50_000),
    'wrote '.repeat(8_000) + 'x',
    'SR-1-'.repeat(10_000),
    '\u00a0'.repeat(50_000) + ':',
    '_'.repeat(50_000) + 'x',
  ];

  it.each(evil.map((input, i) => [i, input] as const))(
    'line patterns stay linear on hostile input #%i',
    (_, input) => {
      timed(1_000, () => {
        for (const test of [
          headerLabelKind,
          isAttribution,
          startsAttribution,
          isBannerLine,
          isDelimiterLine,
          isDeviceFooter,
          isHistorySeparator,
        ])
          test(input);
        findEcIdCandidates(input);
        decodeEcId(input, KEYRING, new Date());
      });
      timed(3_000, () => extractReply({ text: `${input}\n${input}` }));
      timed(3_000, () => extractReply({ html: `<div>${input}</div>` }));
      timed(3_000, () =>
        classifyMessage(message({ subject: input, bodyText: input, from: { name: input, address: input } }), {
          ownAddresses: [],
          ownMessageIdDomains: [],
        }),
      );
    },
  );
});
