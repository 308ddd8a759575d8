import { describe, expect, it } from 'vitest';
import { parseAuthenticationResults } from '../../../api/src/domain/authentication-results.js';

// RFC 8601 values as receiving servers write them, Exchange Online's own dialect (no authserv-id, the receiving domain
// between results) and the malformed ones a sender can put in a message.

describe('parseAuthenticationResults', () => {
  it("reads Exchange Online's stamp: no authserv-id, compauth with its reason, comments kept", () => {
    const stamp = parseAuthenticationResults(
      'spf=pass (sender IP is 192.0.2.25)\r\n smtp.mailfrom=fabrikam.test; dkim=pass (signature was verified)\r\n header.d=fabrikam.test;dmarc=pass action=none\r\n header.from=fabrikam.test;compauth=pass reason=100',
    );
    expect(stamp.authservId).toBeUndefined();
    expect(stamp.results).toEqual([
      {
        method: 'spf',
        result: 'pass',
        properties: { 'smtp.mailfrom': 'fabrikam.test' },
        comment: 'sender IP is 192.0.2.25',
      },
      {
        method: 'dkim',
        result: 'pass',
        properties: { 'header.d': 'fabrikam.test' },
        comment: 'signature was verified',
      },
      { method: 'dmarc', result: 'pass', properties: { action: 'none', 'header.from': 'fabrikam.test' } },
      { method: 'compauth', result: 'pass', properties: { reason: '100' } },
    ]);
  });

  it('skips the receiving domain Exchange inserts between results', () => {
    const stamp = parseAuthenticationResults(
      'spf=pass (sender IP is 10.2.3.4) smtp.mailfrom=fabrikam.com; contoso.com; dkim=none (message not signed) header.d=none; contoso.com; dmarc=bestguesspass action=none header.from=fabrikam.com; compauth=pass reason=109',
    );
    expect(stamp.authservId).toBeUndefined();
    expect(stamp.results.map((r) => `${r.method}=${r.result}`)).toEqual([
      'spf=pass',
      'dkim=none',
      'dmarc=bestguesspass',
      'compauth=pass',
    ]);
  });

  it('reads an RFC 8601 stamp with an authserv-id, a version and a method version', () => {
    const stamp = parseAuthenticationResults(
      'MX.Example.ORG 1; dkim/1=pass header.i=@example.com header.s=sel; spf=fail smtp.mailfrom=example.com',
    );
    expect(stamp.authservId).toBe('mx.example.org');
    expect(stamp.results).toEqual([
      { method: 'dkim', result: 'pass', properties: { 'header.i': '@example.com', 'header.s': 'sel' } },
      { method: 'spf', result: 'fail', properties: { 'smtp.mailfrom': 'example.com' } },
    ]);
  });

  it('keeps semicolons inside comments and quoted strings from splitting results', () => {
    const stamp = parseAuthenticationResults(
      'mx.example.org; spf=pass (a; comment (nested; too) \\) here) smtp.mailfrom="we;ird.example"; dmarc=pass',
    );
    expect(stamp.results).toEqual([
      {
        method: 'spf',
        result: 'pass',
        properties: { 'smtp.mailfrom': 'we;ird.example' },
        comment: 'a; comment (nested; too) ) here',
      },
      { method: 'dmarc', result: 'pass', properties: {} },
    ]);
  });

  it.each([
    ['empty', '', undefined, 0],
    ['no results', 'mx.example.org; none', 'mx.example.org', 0],
    ['an unclosed comment', 'spf=pass (sender IP is', undefined, 1],
    ['an unclosed quote', 'mx.example.org; dmarc=pass header.from="x', 'mx.example.org', 1],
    ['garbage', ';;;===;(((', undefined, 0],
    ['a result without a value', 'mx.example.org; spf=; dkim=pass', 'mx.example.org', 1],
  ])('never throws on %s', (_name, value, authservId, count) => {
    const stamp = parseAuthenticationResults(value);
    expect(stamp.authservId).toBe(authservId);
    expect(stamp.results).toHaveLength(count);
  });

  it('reads a huge value in bounded work (cut at 8 KB)', () => {
    const stamp = parseAuthenticationResults(`mx.example.org; ${'('.repeat(500_000)}`);
    expect(stamp).toEqual({ authservId: 'mx.example.org', results: [] });
    expect(parseAuthenticationResults(`${'spf=pass; '.repeat(100_000)}`).results.length).toBeLessThan(1_000);
  });
});
