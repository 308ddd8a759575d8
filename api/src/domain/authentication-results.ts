// The Authentication-Results header field (RFC 8601): who checked the message (the authserv-id) and what each method
// (spf, dkim, dmarc, arc, Microsoft's compauth ...) concluded. Parsed leniently, in one pass: a receiving server writes
// it, but a sender can add its own copies, so the parser never throws and never trusts; docs/sender-authenticity.md
// says which copy is believed.

export type AuthMethodResult = {
  /** Lower-cased method name: "spf", "dkim", "dmarc", "compauth", "arc" ... */
  method: string;
  /** Lower-cased result: "pass", "fail", "softpass", "bestguesspass", "none" ... */
  result: string;
  /** Lower-cased property name ("smtp.mailfrom", "header.d", "header.from", "reason", "action") -> value as written. */
  properties: Record<string, string>;
  /** The first comment after the result, e.g. "sender IP is 192.0.2.1" or "signature was verified". */
  comment?: string;
};

export type AuthenticationResults = {
  /** Lower-cased, without the optional version; undefined when the header starts with a result (Exchange Online's form). */
  authservId?: string;
  results: AuthMethodResult[];
};

/** Longer values are cut before parsing: a real stamp is a few hundred characters. */
const MAX_LENGTH = 8_192;

/**
 * Splits on the top-level semicolons, dropping comments (nested parentheses, backslash escapes) and keeping quoted
 * strings whole. Each segment keeps its first comment, which Exchange uses to say why ("sender IP is ...").
 */
function segments(value: string): Array<{ text: string; comment?: string }> {
  const out: Array<{ text: string; comment?: string }> = [];
  let text = '';
  let comment: string | undefined;
  let current = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i += 1) {
    const c = value[i]!;
    if (c === '\\' && (depth > 0 || quoted)) {
      const next = value[i + 1] ?? '';
      if (depth > 0) current += next;
      else text += next;
      i += 1;
    } else if (quoted) {
      if (c === '"') quoted = false;
      else text += c;
    } else if (c === '(') {
      if (depth > 0) current += c;
      depth += 1;
    } else if (c === ')' && depth > 0) {
      depth -= 1;
      if (depth === 0) {
        comment ??= current.trim();
        current = '';
        text += ' ';
      } else current += c;
    } else if (depth > 0) current += c;
    else if (c === '"') quoted = true;
    else if (c === ';') {
      out.push({ text, ...(comment ? { comment } : {}) });
      text = '';
      comment = undefined;
    } else text += c;
  }
  out.push({ text, ...(comment ? { comment } : {}) });
  return out;
}

const METHOD = /^([a-z][a-z0-9_-]*)(?:\/\d+)?\s*=\s*([a-z0-9_-]+)$/i;
const PROPERTY = /^([a-z0-9_-]+(?:\.[a-z0-9_-]+)?)\s*=\s*(\S*)$/i;

function parseResult(text: string, comment: string | undefined): AuthMethodResult | undefined {
  // "spf=pass smtp.mailfrom=x" or "compauth=pass reason=100": the first word pair is the method, the rest properties.
  const words = text
    .trim()
    .replace(/\s*=\s*/g, '=')
    .split(/\s+/)
    .filter(Boolean);
  const head = METHOD.exec(words[0] ?? '');
  if (!head) return undefined;
  const properties: Record<string, string> = {};
  for (const word of words.slice(1)) {
    const property = PROPERTY.exec(word);
    if (property && properties[property[1]!.toLowerCase()] === undefined)
      properties[property[1]!.toLowerCase()] = property[2]!;
  }
  return {
    method: head[1]!.toLowerCase(),
    result: head[2]!.toLowerCase(),
    properties,
    ...(comment ? { comment } : {}),
  };
}

/**
 * One Authentication-Results value. The first segment is the authserv-id unless it already is a result: Exchange
 * Online writes none. Segments that are neither (Exchange inserts the receiving domain between results) are skipped.
 */
export function parseAuthenticationResults(value: string): AuthenticationResults {
  const parts = segments(value.slice(0, MAX_LENGTH).replace(/\r?\n[ \t]*/g, ' '));
  const first = parts[0]?.text.trim() ?? '';
  const hasAuthservId = first !== '' && !first.includes('=');
  const results: AuthMethodResult[] = [];
  for (const part of hasAuthservId ? parts.slice(1) : parts) {
    const result = parseResult(part.text, part.comment);
    if (result) results.push(result);
  }
  const authservId = hasAuthservId ? (first.split(/\s+/)[0] ?? '').toLowerCase() : undefined;
  return { ...(authservId ? { authservId } : {}), results };
}

/** The first result of a method ("dmarc"), or undefined. */
export function methodResult(stamp: AuthenticationResults, method: string): AuthMethodResult | undefined {
  return stamp.results.find((r) => r.method === method);
}
