import { GraphHttpError } from '../core/graph-error.js';

export type Literal =
  | { type: 'string'; value: string }
  | { type: 'boolean'; value: boolean }
  | { type: 'null' }
  | { type: 'number'; value: number }
  | { type: 'datetime'; value: number };

export type FilterExpr =
  | { kind: 'and' | 'or'; left: FilterExpr; right: FilterExpr }
  | { kind: 'not'; expr: FilterExpr }
  | { kind: 'compare'; op: CompareOp; property: string; value: Literal }
  | { kind: 'function'; name: 'startswith' | 'endswith' | 'contains'; property: string; value: string }
  | { kind: 'property'; property: string };

export type CompareOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
const COMPARE_OPS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);

type Token = { kind: 'word' | 'string' | 'number' | 'datetime' | '(' | ')' | ','; text: string; at: number };

/** Parses an OData $filter. Syntax errors answer as Graph's OData layer does: 400 BadRequest "Invalid filter clause". */
export function parseFilter(text: string): FilterExpr {
  // Outlook rejects lambdas over collections (toRecipients/any(...)) as invalid nodes, whatever their syntax.
  if (/\/(any|all)\s*\(/i.test(text)) {
    throw new GraphHttpError(
      400,
      'ErrorInvalidUrlQueryFilter',
      'The query filter contains one or more invalid nodes.',
    );
  }
  const tokens = tokenize(text);
  let i = 0;
  const peek = (): Token | undefined => tokens[i];
  const fail = (at: number): never => {
    throw new GraphHttpError(
      400,
      'BadRequest',
      `Invalid filter clause: Syntax error at position ${at} in '${text}'.`,
    );
  };
  const take = (kind?: Token['kind']): Token => {
    const token = tokens[i];
    if (!token || (kind && token.kind !== kind)) return fail(token?.at ?? text.length);
    i += 1;
    return token;
  };
  const isWord = (word: string): boolean => peek()?.kind === 'word' && peek()?.text.toLowerCase() === word;

  const parseOr = (): FilterExpr => {
    let left = parseAnd();
    while (isWord('or')) {
      take();
      left = { kind: 'or', left, right: parseAnd() };
    }
    return left;
  };
  const parseAnd = (): FilterExpr => {
    let left = parseUnary();
    while (isWord('and')) {
      take();
      left = { kind: 'and', left, right: parseUnary() };
    }
    return left;
  };
  const parseUnary = (): FilterExpr => {
    if (isWord('not')) {
      take();
      return { kind: 'not', expr: parseUnary() };
    }
    if (peek()?.kind === '(') {
      take('(');
      const inner = parseOr();
      take(')');
      return inner;
    }
    return parseComparison();
  };
  const parseComparison = (): FilterExpr => {
    const first = take('word');
    const name = first.text.toLowerCase();
    if (name === 'startswith' || name === 'endswith' || name === 'contains') {
      take('(');
      const property = take('word').text;
      take(',');
      const value = take('string').text;
      take(')');
      return { kind: 'function', name, property, value };
    }
    if (peek()?.kind === 'word' && COMPARE_OPS.has(peek()!.text.toLowerCase())) {
      const op = take().text.toLowerCase() as CompareOp;
      return { kind: 'compare', op, property: first.text, value: literal(take(), fail) };
    }
    return { kind: 'property', property: first.text };
  };

  if (tokens.length === 0) fail(0);
  const expr = parseOr();
  if (i < tokens.length) fail(tokens[i]!.at);
  return expr;
}

/** Properties in the order the filter names them (InefficientFilter compares this with $orderby). */
export function filterProperties(expr: FilterExpr): string[] {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return [...filterProperties(expr.left), ...filterProperties(expr.right)];
    case 'not':
      return filterProperties(expr.expr);
    default:
      return [expr.property];
  }
}

function literal(token: Token, fail: (at: number) => never): Literal {
  if (token.kind === 'string') return { type: 'string', value: token.text };
  if (token.kind === 'number') return { type: 'number', value: Number(token.text) };
  if (token.kind === 'datetime')
    return {
      type: 'datetime',
      value: Date.parse(token.text.length === 10 ? `${token.text}T00:00:00Z` : token.text),
    };
  if (token.kind === 'word') {
    const word = token.text.toLowerCase();
    if (word === 'true' || word === 'false') return { type: 'boolean', value: word === 'true' };
    if (word === 'null') return { type: 'null' };
  }
  return fail(token.at);
}

const DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?/;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i += 1;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: c, text: c, at: i });
      i += 1;
      continue;
    }
    if (c === "'") {
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= text.length) {
          throw new GraphHttpError(
            400,
            'BadRequest',
            `Invalid filter clause: There is an unterminated string literal at position ${i} in '${text}'.`,
          );
        }
        if (text[j] === "'" && text[j + 1] === "'") {
          value += "'";
          j += 2;
          continue;
        }
        if (text[j] === "'") break;
        value += text[j];
        j += 1;
      }
      tokens.push({ kind: 'string', text: value, at: i });
      i = j + 1;
      continue;
    }
    const datetime = DATETIME.exec(text.slice(i));
    if (
      datetime &&
      !Number.isNaN(Date.parse(datetime[0].length === 10 ? `${datetime[0]}T00:00:00Z` : datetime[0]))
    ) {
      tokens.push({ kind: 'datetime', text: datetime[0], at: i });
      i += datetime[0].length;
      continue;
    }
    const number = /^-?\d+(\.\d+)?/.exec(text.slice(i));
    if (number) {
      tokens.push({ kind: 'number', text: number[0], at: i });
      i += number[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_./]*/.exec(text.slice(i));
    if (word) {
      tokens.push({ kind: 'word', text: word[0], at: i });
      i += word[0].length;
      continue;
    }
    throw new GraphHttpError(
      400,
      'BadRequest',
      `Invalid filter clause: Syntax error: character '${c}' is not valid at position ${i} in '${text}'.`,
    );
  }
  return tokens;
}
