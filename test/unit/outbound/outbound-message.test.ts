import { describe, expect, it } from 'vitest';
import {
  fillHtml,
  fillText,
  unknownPlaceholders,
  type PlaceholderContext,
} from '../../../api/src/domain/mail-placeholders.js';
import { composeOutboundMessage, subjectWithSrNumber } from '../../../api/src/domain/outbound-message.js';
import { parseOwnMessageId } from '../../../api/src/domain/reply-marker.js';
import type { ServiceRequest } from '../../../api/src/domain/service-request.js';

const sr: ServiceRequest = {
  id: 123,
  title: 'Printer <b>jam</b>',
  description: 'Line one\nLine "two" & more',
  requester: { name: "O'Brien", email: 'ob@fabrikam.test' },
  participants: [],
  status: 'Open',
  priority: 'High',
  createdAt: '2026-03-02T09:30:00.000Z',
  updatedAt: '2026-03-02T09:30:00.000Z',
  hasNewEmailReply: false,
};
const context: PlaceholderContext = {
  sr,
  desk: { name: 'Contoso Support', address: 'support@contoso.test' },
};

describe('placeholders', () => {
  it('escape every value in HTML and keep its line breaks', () => {
    expect(fillHtml('<p>#SR_TITLE# / #SR_DESCRIPTION# / #REQUESTER_NAME#</p>', context)).toBe(
      '<p>Printer &lt;b&gt;jam&lt;/b&gt; / Line one<br>Line &quot;two&quot; &amp; more / O&#39;Brien</p>',
    );
  });

  it('put values in a subject as one line of plain text', () => {
    expect(fillText('#SR_ID#: #SR_DESCRIPTION#', context)).toBe('SR-000123: Line one Line "two" & more');
  });

  it('do not fill a value that itself looks like a placeholder', () => {
    expect(fillHtml('#SR_TITLE#', { ...context, sr: { ...sr, title: '#STATUS#' } })).toBe('#STATUS#');
  });

  it('fall back where there is nothing to show', () => {
    expect(fillText('#ASSIGNEE_NAME#|#LAST_NOTE#|#SR_LINK#', context)).toBe('Unassigned||SR-000123');
    expect(fillText('#SR_LINK#', { ...context, srLink: 'https://desk.test/tab/#/requests/SR-000123' })).toBe(
      'https://desk.test/tab/#/requests/SR-000123',
    );
  });

  it('report what is not a placeholder, once each, and leave #1#, entities and colours alone', () => {
    expect(
      unknownPlaceholders('#SR_ID# #NOPE# #NOPE# #status# #EC_ID# &#39; #1# color:#ff0000; C# and F#').map(
        (p) => p.placeholder,
      ),
    ).toEqual(['#NOPE#', '#status#', '#EC_ID#']);
  });
});

describe('an outbound message', () => {
  const message = composeOutboundMessage({
    requestId: 123,
    token: 'SR-000123-2-K4QF3M9XZC7',
    replyText: '##- Please type your reply above this line -## #EC_ID#',
    subject: 'Your printer',
    bodyHtml: '<p>Hello</p>',
    trigger: 'rule',
    from: { address: 'Support@Contoso.test' },
  });

  it('opens with the reply line, then the hidden token, then the body', () => {
    const marker = message.bodyHtml.indexOf(
      '##- Please type your reply above this line -## [SR-000123-2-K4QF3M9XZC7]',
    );
    const hidden = message.bodyHtml.indexOf('{#SM:SR-000123-2-K4QF3M9XZC7#}');
    expect(marker).toBeGreaterThan(0);
    expect(hidden).toBeGreaterThan(marker);
    expect(message.bodyHtml.indexOf('<p>Hello</p>')).toBeGreaterThan(hidden);
    expect(message.markerLine).toBe(
      '##- Please type your reply above this line -## [SR-000123-2-K4QF3M9XZC7]',
    );
  });

  it('carries the token in our own Message-ID on the sending domain', () => {
    expect(message.internetMessageId).toBe('<sm.SR-000123-2-K4QF3M9XZC7@contoso.test>');
    expect(parseOwnMessageId(message.internetMessageId)).toEqual({
      token: 'SR-000123-2-K4QF3M9XZC7',
      domain: 'contoso.test',
    });
  });

  it('sets only x- headers: no auto-replies, our address against loops, the token', () => {
    expect(message.headers).toEqual([
      { name: 'X-Auto-Response-Suppress', value: 'OOF, AutoReply' },
      { name: 'X-Loop', value: 'support@contoso.test' },
      { name: 'X-SM-Ref', value: 'SR-000123-2-K4QF3M9XZC7' },
      { name: 'X-SM-Trigger', value: 'rule' },
    ]);
    expect(message.headers.every((h) => /^x-/i.test(h.name))).toBe(true);
  });
});

describe('the subject', () => {
  it('gets [SR-…] unless it has it, and stays within 255 characters', () => {
    expect(subjectWithSrNumber('Your printer', 123)).toBe('Your printer [SR-000123]');
    expect(subjectWithSrNumber('[SR-000123] Your printer', 123)).toBe('[SR-000123] Your printer');
    expect(subjectWithSrNumber('About SR-000123', 123)).toBe('About SR-000123 [SR-000123]');
    const long = subjectWithSrNumber('x'.repeat(400), 123);
    expect(long).toHaveLength(255);
    expect(long.endsWith('… [SR-000123]')).toBe(true);
    expect(subjectWithSrNumber('  two\r\nlines  ', 123)).toBe('two lines [SR-000123]');
  });
});
