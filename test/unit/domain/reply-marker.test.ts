import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REPLY_MARKER,
  formatOwnMessageId,
  looksLikeMarkerLine,
  parseOwnMessageId,
  renderHiddenTokenHtml,
  renderReplyMarker,
  validateReplyMarker,
} from '../../../api/src/domain/reply-marker.js';

const codes = (input: string) => {
  const result = validateReplyMarker(input);
  return result.ok ? [] : result.errors.map((e) => e.code);
};

describe('reply marker line', () => {
  it('accepts the default line and reworded text', () => {
    expect(DEFAULT_REPLY_MARKER).toBe('##- Please type your reply above this line -## #EC_ID#');
    expect(validateReplyMarker(DEFAULT_REPLY_MARKER)).toEqual({
      ok: true,
      marker: DEFAULT_REPLY_MARKER,
      text: 'Please type your reply above this line',
    });
    expect(validateReplyMarker('##- Bitte oberhalb dieser Zeile antworten -## #EC_ID#').ok).toBe(true);
  });

  it('refuses a line without #EC_ID#, with a message that says how to restore it', () => {
    const result = validateReplyMarker('##- Please type your reply above this line -##');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]?.code).toBe('missing-ec-id');
      expect(result.errors[0]?.message).toContain('Set Example text');
    }
  });

  it('names each way the line can be broken', () => {
    expect(codes('##- Reply above -## #EC-ID#')).toContain('ec-id-damaged');
    expect(codes('##- Reply above -## EC_ID')).toContain('ec-id-damaged');
    expect(codes('##- Reply above -## #EC_ID# #EC_ID#')).toContain('ec-id-repeated');
    expect(codes('#- Reply above -## #EC_ID#')).toContain('missing-open');
    expect(codes('##- Reply above ## #EC_ID#')).toContain('missing-close');
    expect(codes('##- -## #EC_ID#')).toContain('empty-text');
    expect(codes('##- Reply #here -## #EC_ID#')).toContain('hashes-in-text');
    expect(codes('##- Reply above #EC_ID# -##')).toContain('wrong-order');
    expect(codes('##- Reply\nabove -## #EC_ID#')).toContain('multi-line');
    expect(codes('')).toContain('empty');
    expect(codes(`##- ${'x'.repeat(300)} -## #EC_ID#`)).toContain('too-long');
  });

  it('renders the token in brackets in place of #EC_ID#', () => {
    expect(renderReplyMarker(DEFAULT_REPLY_MARKER, 'SR-000123-1-ABCDEFGHJKM')).toBe(
      '##- Please type your reply above this line -## [SR-000123-1-ABCDEFGHJKM]',
    );
  });

  it('recognises a marker line whatever its words', () => {
    expect(looksLikeMarkerLine('> ##- Bitte oberhalb antworten -## [SR-1]')).toBe(true);
    expect(looksLikeMarkerLine('## not a marker ##')).toBe(false);
  });

  it('hides a copy of the token in html, as an attribute and as text', () => {
    const html = renderHiddenTokenHtml('SR-000123-1-ABCDEFGHJKM');
    expect(html).toContain('data-sm-ref="SR-000123-1-ABCDEFGHJKM"');
    expect(html).toContain('{#SM:SR-000123-1-ABCDEFGHJKM#}');
    expect(html).toMatch(/display:none/);
  });

  it('puts the token in our Message-ID and reads it back', () => {
    const id = formatOwnMessageId('SR-000123-1-ABCDEFGHJKM', 'contoso.com');
    expect(id).toBe('<sm.SR-000123-1-ABCDEFGHJKM@contoso.com>');
    expect(parseOwnMessageId(id)).toEqual({ token: 'SR-000123-1-ABCDEFGHJKM', domain: 'contoso.com' });
    expect(parseOwnMessageId('sm.sr-000123-1-abcdefghjkm@Contoso.COM')).toEqual({
      token: 'SR-000123-1-ABCDEFGHJKM',
      domain: 'contoso.com',
    });
    expect(parseOwnMessageId('<CAF=abc@mail.gmail.com>')).toBeUndefined();
  });
});
