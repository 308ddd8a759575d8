import { describe, expect, it } from 'vitest';
import {
  domainOf,
  headerValue,
  headerValues,
  normaliseMessageId,
  parseMessageIdList,
} from '../../../api/src/domain/mail-message.js';

describe('mail message helpers', () => {
  const message = {
    headers: [
      { name: 'Received', value: 'from a' },
      { name: 'received', value: 'from b' },
      { name: 'Auto-Submitted', value: 'auto-replied' },
    ],
  };

  it('reads headers case-insensitively, first value or all', () => {
    expect(headerValue(message, 'AUTO-SUBMITTED')).toBe('auto-replied');
    expect(headerValues(message, 'Received')).toEqual(['from a', 'from b']);
    expect(headerValue(message, 'x-missing')).toBeUndefined();
  });

  it('parses Message-ID lists separated by whitespace or commas (Exchange, iOS)', () => {
    expect(parseMessageIdList('<a@x>\r\n <b@y>')).toEqual(['a@x', 'b@y']);
    expect(parseMessageIdList('<a@x>,<b@y>, <c@z>')).toEqual(['a@x', 'b@y', 'c@z']);
    expect(parseMessageIdList('junk <a@x> more junk')).toEqual(['a@x']);
    expect(parseMessageIdList(undefined)).toEqual([]);
  });

  it('normalises ids and finds domains', () => {
    expect(normaliseMessageId(' <a@x> ')).toBe('a@x');
    expect(domainOf('<sm.1@Contoso.com>')).toBe('contoso.com');
    expect(domainOf('no-at')).toBe('');
  });
});
