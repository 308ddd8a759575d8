import { describe, expect, it } from 'vitest';
import { parseFilter, filterProperties } from '../../../emulator/src/odata/filter-parser.js';
import { checkFilter, evaluateFilter } from '../../../emulator/src/odata/property-table.js';
import { MESSAGE_TABLE } from '../../../emulator/src/odata/message-properties.js';
import type { GraphHttpError } from '../../../emulator/src/core/graph-error.js';

const message = {
  isRead: false,
  receivedAt: Date.parse('2026-01-01T10:00:00.500Z'),
  subject: "Bob's printer",
  importance: 'high',
} as never;
const codeOf = (text: string): string => {
  try {
    checkFilter(parseFilter(text), MESSAGE_TABLE);
  } catch (error) {
    return (error as GraphHttpError).code;
  }
  return 'ok';
};

describe('$filter', () => {
  it('evaluates Outlook filters, comparing date-times at second precision', () => {
    const matches = (text: string): boolean => evaluateFilter(parseFilter(text), message, MESSAGE_TABLE);
    expect(matches('receivedDateTime ge 2026-01-01T10:00:00Z and isRead eq false')).toBe(true);
    expect(matches('receivedDateTime gt 2026-01-01T10:00:00Z')).toBe(false);
    expect(matches("subject eq 'Bob''s printer' or not (isRead eq false)")).toBe(true);
    expect(matches("startswith(subject,'bob') and importance eq 'high'")).toBe(true);
    expect(
      filterProperties(parseFilter('receivedDateTime ge 1900-01-01T00:00:00Z and isRead eq false')),
    ).toEqual(['receivedDateTime', 'isRead']);
  });

  it('rejects what Graph rejects, with its codes', () => {
    expect(codeOf('isRead eq')).toBe('BadRequest');
    expect(codeOf("isRead eq 'no'")).toBe('BadRequest');
    expect(codeOf('colour eq 1')).toBe('BadRequest');
    expect(codeOf("toRecipients/any(r:r/emailAddress/address eq 'a')")).toBe('ErrorInvalidUrlQueryFilter');
    expect(codeOf("body eq 'x'")).toBe('ErrorInvalidUrlQueryFilter');
    expect(codeOf('isRead eq false')).toBe('ok');
  });
});
