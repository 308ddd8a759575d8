import type { z } from 'zod';
import { fieldLabel, withArticle } from './field-label.js';

// Every zod issue as a sentence a person can act on ("Enter a name.", "Use at most 200 characters for the title.")
// instead of zod's own "Too small: expected string to have >=1 characters". It is the error map of every route's
// parse, so a message a schema spells out itself still wins, and new limits in the contract read well with no work.

type Issue = z.core.$ZodRawIssue;

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const plural = (count: number | bigint, one: string, many: string) =>
  `${count} ${Number(count) === 1 ? one : many}`;

export const issueInWords: z.core.$ZodErrorMap = (issue) => {
  const label = fieldLabel(issue.path ?? []);
  const the = label ? `the ${label}` : 'the request';
  return capitalise(describe(issue, label, the));
};

function describe(issue: Issue, label: string | undefined, the: string): string {
  const a = label ? withArticle(label) : 'a value';
  switch (issue.code) {
    case 'too_small':
      return tooSmall(issue, a, the);
    case 'too_big':
      return tooBig(issue, a, the);
    case 'invalid_type':
      return invalidType(issue, a, the);
    case 'invalid_format':
      return invalidFormat(issue, the);
    case 'invalid_value':
      return issue.values.length === 1
        ? `${the} must be ${JSON.stringify(issue.values[0])}.`
        : `choose ${the} from: ${issue.values.map(String).join(', ')}.`;
    case 'unrecognized_keys':
      return `${the} has ${plural(issue.keys.length, 'field', 'fields')} this API does not take: ${issue.keys.join(', ')}.`;
    case 'not_multiple_of':
      return `enter a multiple of ${String(issue.divisor)} for ${the}.`;
    case 'invalid_key':
    case 'invalid_element':
      return `${the} holds an entry that is not valid.`;
    default:
      return `${the} is not valid.`;
  }
}

function tooSmall(issue: Extract<Issue, { code: 'too_small' }>, a: string, the: string): string {
  const min = issue.minimum;
  if (issue.origin === 'string')
    return Number(min) <= 1
      ? `enter ${a}.`
      : `use at least ${plural(min, 'character', 'characters')} for ${the}.`;
  if (issue.origin === 'array' || issue.origin === 'set')
    return `add at least ${Number(min) === 1 ? 'one entry' : plural(min, 'entry', 'entries')} to ${the}.`;
  if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint')
    return `enter ${a} of ${issue.inclusive ? 'at least' : 'more than'} ${String(min)}.`;
  return `${the} is too small.`;
}

function tooBig(issue: Extract<Issue, { code: 'too_big' }>, a: string, the: string): string {
  const max = issue.maximum;
  if (issue.origin === 'string') return `use at most ${plural(max, 'character', 'characters')} for ${the}.`;
  if (issue.origin === 'array' || issue.origin === 'set')
    return `${the} can hold at most ${plural(max, 'entry', 'entries')}.`;
  if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint')
    return `enter ${a} of ${issue.inclusive ? 'at most' : 'less than'} ${String(max)}.`;
  return `${the} is too large.`;
}

function invalidType(issue: Extract<Issue, { code: 'invalid_type' }>, a: string, the: string): string {
  const isMissing = issue.input === undefined || issue.input === null;
  switch (issue.expected) {
    case 'boolean':
      return `choose yes or no for ${the}.`;
    case 'number':
    case 'int':
    case 'bigint':
      return isMissing
        ? `enter ${a}.`
        : `enter ${the} as a ${issue.expected === 'number' ? 'number' : 'whole number'}.`;
    case 'array':
      return isMissing ? `add ${the}.` : `send ${the} as a list.`;
    case 'object':
      return isMissing ? `send ${the} with its fields.` : `send ${the} as an object with its fields.`;
    default:
      return isMissing ? `enter ${a}.` : `enter ${the} as text.`;
  }
}

const FORMATS: Record<string, string> = {
  email: 'must look like name@example.com',
  uuid: 'must be a GUID such as 00000000-0000-0000-0000-000000000000',
  guid: 'must be a GUID such as 00000000-0000-0000-0000-000000000000',
  date: 'must be a date such as 2026-03-31',
  datetime: 'must be a date and time such as 2026-03-31T09:30:00Z',
  url: 'must be a web address such as https://example.com',
};

function invalidFormat(issue: Extract<Issue, { code: 'invalid_format' }>, the: string): string {
  if (issue.format === 'starts_with' && 'prefix' in issue)
    return `${the} must start with "${String(issue.prefix)}".`;
  if (issue.format === 'ends_with' && 'suffix' in issue)
    return `${the} must end with "${String(issue.suffix)}".`;
  if (issue.format === 'includes' && 'includes' in issue)
    return `${the} must contain "${String(issue.includes)}".`;
  return `${the} ${FORMATS[issue.format] ?? 'is not in the expected form'}.`;
}
