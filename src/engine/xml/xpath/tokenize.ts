/**
 * Split an XPath 1.0 expression into tokens, applying the spec's disambiguation rules (§3.7 Lexical
 * Structure).
 */
import { fail, ok, type Outcome, type TextPosition } from '../../errors.js';

export type Token =
  | { readonly kind: 'punct'; readonly text: '(' | ')' | '[' | ']' | '.' | '..' | '@' | ',' | '::' }
  | { readonly kind: 'operator'; readonly text: string }
  /** a NameTest: `local` is `*` for `*` and `prefix:*` */
  | { readonly kind: 'name'; readonly prefix: string | undefined; readonly local: string }
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'variable'; readonly name: string };

const NCNAME = /[\p{L}_][\p{L}\p{N}\p{M}_.\-\u00B7]*/uy;
const NUMBER = /\d+(?:\.\d*)?|\.\d+/y;
const OPERATORS = ['//', '/', '|', '+', '-', '!=', '<=', '>=', '=', '<', '>'] as const;
const PUNCTUATION = ['::', '..', '(', ')', '[', ']', '.', '@', ','] as const;

/**
 * > If there is a preceding token and the preceding token is not one of @, ::, (, [, , or an
 * > Operator, then a * must be recognized as a MultiplyOperator and an NCName must be recognized
 * > as an OperatorName.
 */
function operatorExpected(previous: Token | undefined): boolean {
  if (previous === undefined || previous.kind === 'operator') return false;
  if (previous.kind === 'punct') return !['@', '::', '(', '[', ','].includes(previous.text);
  return true;
}

function matchAt(pattern: RegExp, source: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(source)?.[0];
}

/** Errors: XPATH_SYNTAX. */
export function tokenize(source: string): Outcome<readonly Token[]> {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    if (' \t\r\n'.includes(source.charAt(at))) {
      at += 1;
      continue;
    }
    const read = readToken(source, at, tokens.at(-1));
    if ('message' in read)
      return fail('XPATH_SYNTAX', read.message, positionOf(source, read.offset));
    tokens.push(read.token);
    at = read.end;
  }
  return ok(tokens);
}

/** A token and where it ends, or what is wrong at `offset`. */
type Read =
  | { readonly token: Token; readonly end: number }
  | { readonly message: string; readonly offset: number };

/** The token that starts at `at` (not blank), and where it ends. */
function readToken(source: string, at: number, previous: Token | undefined): Read {
  const char = source.charAt(at);
  const number = matchAt(NUMBER, source, at);
  if (number !== undefined)
    return { token: { kind: 'number', value: Number(number) }, end: at + number.length };
  if (char === '"' || char === "'") {
    const end = source.indexOf(char, at + 1);
    if (end < 0) return { message: 'unterminated string literal', offset: at };
    return { token: { kind: 'literal', value: source.slice(at + 1, end) }, end: end + 1 };
  }
  const punctuation = PUNCTUATION.find((text) => source.startsWith(text, at));
  if (punctuation !== undefined)
    return { token: { kind: 'punct', text: punctuation }, end: at + punctuation.length };
  if (char === '*') {
    const token: Token = operatorExpected(previous)
      ? { kind: 'operator', text: '*' }
      : { kind: 'name', prefix: undefined, local: '*' };
    return { token, end: at + 1 };
  }
  const operator = OPERATORS.find((text) => source.startsWith(text, at));
  if (operator !== undefined)
    return { token: { kind: 'operator', text: operator }, end: at + operator.length };
  if (char === '$') return readVariable(source, at);
  return readName(source, at, previous);
}

/** `$name` or `$prefix:name`. */
function readVariable(source: string, at: number): Read {
  const name = scanQName(source, at + 1);
  if (name === undefined || name.local === '*')
    return { message: 'variable name expected', offset: at };
  const written = name.prefix === undefined ? name.local : `${name.prefix}:${name.local}`;
  return { token: { kind: 'variable', name: written }, end: name.end };
}

/** A NameTest, or an OperatorName where an operator is expected (§3.7). */
function readName(source: string, at: number, previous: Token | undefined): Read {
  const name = scanQName(source, at);
  if (name === undefined)
    return { message: `unexpected character '${source.charAt(at)}'`, offset: at };
  if (!operatorExpected(previous))
    return { token: { kind: 'name', prefix: name.prefix, local: name.local }, end: name.end };
  if (name.prefix !== undefined || !['and', 'or', 'mod', 'div'].includes(name.local))
    return { message: 'operator expected', offset: at };
  return { token: { kind: 'operator', text: name.local }, end: name.end };
}

/** 1-based line and column of an offset into the expression. */
function positionOf(source: string, offset: number): TextPosition {
  const before = source.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** `NCName`, `NCName:NCName` or `NCName:*`; a `::` after the first NCName ends it (an axis name). */
function scanQName(
  source: string,
  at: number,
): { prefix: string | undefined; local: string; end: number } | undefined {
  const first = matchAt(NCNAME, source, at);
  if (first === undefined) return undefined;
  const afterFirst = at + first.length;
  if (source.charAt(afterFirst) !== ':' || source.charAt(afterFirst + 1) === ':')
    return { prefix: undefined, local: first, end: afterFirst };
  if (source.charAt(afterFirst + 1) === '*')
    return { prefix: first, local: '*', end: afterFirst + 2 };
  const second = matchAt(NCNAME, source, afterFirst + 1);
  if (second === undefined) return undefined;
  return { prefix: first, local: second, end: afterFirst + 1 + second.length };
}
