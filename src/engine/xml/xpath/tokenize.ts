/** Split an XPath 1.0 expression into tokens, applying the spec's disambiguation rules (§3.7 Lexical Structure). */

export type Token =
  | { readonly kind: 'punct'; readonly text: '(' | ')' | '[' | ']' | '.' | '..' | '@' | ',' | '::' }
  | { readonly kind: 'operator'; readonly text: string }
  /** a NameTest: `local` is `*` for `*` and `prefix:*` */
  | { readonly kind: 'name'; readonly prefix: string | undefined; readonly local: string }
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'variable'; readonly name: string };

export type TokenizeResult =
  | { readonly ok: true; readonly tokens: readonly Token[] }
  | { readonly ok: false; readonly message: string };

const NCNAME = /[\p{L}_][\p{L}\p{N}\p{M}_.\-\u00B7]*/uy;
const NUMBER = /\d+(?:\.\d*)?|\.\d+/y;
const OPERATORS = ['//', '/', '|', '+', '-', '!=', '<=', '>=', '=', '<', '>'] as const;
const PUNCTUATION = ['::', '..', '(', ')', '[', ']', '.', '@', ','] as const;

/**
 * > If there is a preceding token and the preceding token is not one of @, ::, (, [, , or an Operator,
 * > then a * must be recognized as a MultiplyOperator and an NCName must be recognized as an OperatorName.
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

export function tokenize(source: string): TokenizeResult {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const char = source.charAt(at);
    if (' \t\r\n'.includes(char)) {
      at += 1;
      continue;
    }
    const number = matchAt(NUMBER, source, at);
    if (number !== undefined) {
      tokens.push({ kind: 'number', value: Number(number) });
      at += number.length;
      continue;
    }
    if (char === '"' || char === "'") {
      const end = source.indexOf(char, at + 1);
      if (end < 0) return { ok: false, message: `unterminated string literal at offset ${at}` };
      tokens.push({ kind: 'literal', value: source.slice(at + 1, end) });
      at = end + 1;
      continue;
    }
    const punctuation = PUNCTUATION.find((text) => source.startsWith(text, at));
    if (punctuation !== undefined) {
      tokens.push({ kind: 'punct', text: punctuation });
      at += punctuation.length;
      continue;
    }
    const previous = tokens.at(-1);
    if (char === '*') {
      tokens.push(
        operatorExpected(previous)
          ? { kind: 'operator', text: '*' }
          : { kind: 'name', prefix: undefined, local: '*' },
      );
      at += 1;
      continue;
    }
    const operator = OPERATORS.find((text) => source.startsWith(text, at));
    if (operator !== undefined) {
      tokens.push({ kind: 'operator', text: operator });
      at += operator.length;
      continue;
    }
    if (char === '$') {
      const name = scanQName(source, at + 1);
      if (name === undefined || name.local === '*')
        return { ok: false, message: `variable name expected at offset ${at}` };
      tokens.push({
        kind: 'variable',
        name: name.prefix === undefined ? name.local : `${name.prefix}:${name.local}`,
      });
      at = name.end;
      continue;
    }
    const name = scanQName(source, at);
    if (name === undefined)
      return { ok: false, message: `unexpected character '${char}' at offset ${at}` };
    if (operatorExpected(previous)) {
      if (name.prefix !== undefined || !['and', 'or', 'mod', 'div'].includes(name.local)) {
        return { ok: false, message: `operator expected at offset ${at}` };
      }
      tokens.push({ kind: 'operator', text: name.local });
    } else {
      tokens.push({ kind: 'name', prefix: name.prefix, local: name.local });
    }
    at = name.end;
  }
  return { ok: true, tokens };
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
