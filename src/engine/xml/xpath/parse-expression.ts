/**
 * Parse XPath 1.0 tokens into a syntax tree by recursive descent over the spec's grammar (§3),
 * resolving prefixes as it goes.
 */
import type { Namespaces } from '../namespace-bindings.js';
import { XML_NAMESPACE } from '../node-kinds.js';
import type { Problem } from '../../errors.js';
import { parseLocationPath, startsStep } from './parse-location-path.js';
import { TokenStream } from './token-stream.js';
import { tokenize } from './tokenize.js';
import type { ArithmeticOperator, ComparisonOperator, Expression } from './syntax-tree.js';

const MAX_TOKENS = 1000;

export type ParseResult =
  | { readonly ok: true; readonly expression: Expression }
  | { readonly ok: false; readonly problem: Problem };

/** `resolve` maps a prefix to its namespace URI, or undefined when the prefix is not declared. */
export function parseExpression(
  source: string,
  resolve: (prefix: string) => string | undefined,
): ParseResult {
  const tokenized = tokenize(source);
  if (!tokenized.ok) return tokenized;
  // parsing and evaluation recurse once per nesting level and per operator: bound both, far above any real patch path
  if (tokenized.value.length > MAX_TOKENS)
    return {
      ok: false,
      problem: { code: 'LIMIT_EXCEEDED', message: `an XPath of more than ${MAX_TOKENS} tokens` },
    };
  const stream = new TokenStream(tokenized.value, resolve);
  try {
    const expression = parseOr(stream);
    stream.expectEnd();
    return { ok: true, expression };
  } catch (error) {
    return { ok: false, problem: stream.problemFrom(error) };
  }
}

type Level = (stream: TokenStream) => Expression;

function binaryLevel(
  operators: readonly string[],
  next: Level,
  make: (operator: string, left: Expression, right: Expression) => Expression,
): Level {
  return (stream) => {
    let left = next(stream);
    for (
      let operator = stream.operator(operators);
      operator !== undefined;
      operator = stream.operator(operators)
    ) {
      left = make(operator, left, next(stream));
    }
    return left;
  };
}

function parseUnion(stream: TokenStream): Expression {
  let left = parsePathExpression(stream);
  while (stream.operator(['|']) !== undefined)
    left = { kind: 'union', left, right: parsePathExpression(stream) };
  return left;
}

function parseUnary(stream: TokenStream): Expression {
  if (stream.operator(['-']) !== undefined) return { kind: 'negate', operand: parseUnary(stream) };
  return parseUnion(stream);
}

const parseMultiplicative = binaryLevel(
  ['*', 'div', 'mod'],
  parseUnary,
  (operator, left, right) => ({ kind: 'arithmetic', operator: arithmetic(operator), left, right }),
);
const parseAdditive = binaryLevel(['+', '-'], parseMultiplicative, (operator, left, right) => ({
  kind: 'arithmetic',
  operator: arithmetic(operator),
  left,
  right,
}));
const parseRelational = binaryLevel(
  ['<', '<=', '>', '>='],
  parseAdditive,
  (operator, left, right) => ({ kind: 'compare', operator: comparison(operator), left, right }),
);
const parseEquality = binaryLevel(['=', '!='], parseRelational, (operator, left, right) => ({
  kind: 'compare',
  operator: comparison(operator),
  left,
  right,
}));
const parseAnd = binaryLevel(['and'], parseEquality, (_operator, left, right) => ({
  kind: 'and',
  left,
  right,
}));
const parseOr: Level = binaryLevel(['or'], parseAnd, (_operator, left, right) => ({
  kind: 'or',
  left,
  right,
}));

function arithmetic(operator: string): ArithmeticOperator {
  if (
    operator === '+' ||
    operator === '-' ||
    operator === '*' ||
    operator === 'div' ||
    operator === 'mod'
  )
    return operator;
  throw new Error(`not an arithmetic operator: ${operator}`);
}

function comparison(operator: string): ComparisonOperator {
  if (
    operator === '=' ||
    operator === '!=' ||
    operator === '<' ||
    operator === '<=' ||
    operator === '>' ||
    operator === '>='
  )
    return operator;
  throw new Error(`not a comparison operator: ${operator}`);
}

/**
 * PathExpr ::= LocationPath | FilterExpr | FilterExpr '/' RelativeLocationPath | FilterExpr '//'
 * RelativeLocationPath
 */
function parsePathExpression(stream: TokenStream): Expression {
  if (!startsPrimary(stream)) return parseLocationPath(stream, parseOr);
  const primary = parsePrimary(stream);
  const predicates: Expression[] = [];
  while (stream.punct('[')) {
    predicates.push(parseOr(stream));
    stream.expectPunct(']');
  }
  const separator = stream.operator(['/', '//']);
  if (separator === undefined)
    return predicates.length === 0 ? primary : { kind: 'filter', primary, predicates, steps: [] };
  const rest = parseLocationPath(stream, parseOr, separator);
  const steps = rest.kind === 'path' ? rest.steps : [];
  return { kind: 'filter', primary, predicates, steps };
}

function startsPrimary(stream: TokenStream): boolean {
  const token = stream.peek();
  if (token === undefined) return false;
  if (token.kind === 'variable' || token.kind === 'literal' || token.kind === 'number') return true;
  if (token.kind === 'punct') return token.text === '(';
  return token.kind === 'name' && stream.peekIsCall() && !startsStep(stream);
}

function parsePrimary(stream: TokenStream): Expression {
  const token = stream.next();
  if (token.kind === 'variable') return { kind: 'variable', name: token.name };
  if (token.kind === 'literal') return { kind: 'literal', value: token.value };
  if (token.kind === 'number') return { kind: 'number', value: token.value };
  if (token.kind === 'punct' && token.text === '(') {
    const inner = parseOr(stream);
    stream.expectPunct(')');
    return inner;
  }
  if (token.kind !== 'name') return stream.syntaxError('expression expected');
  stream.expectPunct('(');
  const args: Expression[] = [];
  if (!stream.punct(')')) {
    do args.push(parseOr(stream));
    while (stream.punct(','));
    stream.expectPunct(')');
  }
  const name = token.prefix === undefined ? token.local : `${token.prefix}:${token.local}`;
  return { kind: 'call', name, args };
}

/**
 * The document's prefixes with `xml` bound: > The prefix xml is by definition bound to the
 * namespace name http://www.w3.org/XML/1998/namespace. (Namespaces in XML 1.0)
 */
export function withXmlPrefix(namespaces: Namespaces): Namespaces {
  return { xml: XML_NAMESPACE, ...namespaces };
}

/** Parse with a prefix map: a prefix it does not hold is UNKNOWN_PREFIX. */
export function parseWithNamespaces(source: string, namespaces: Namespaces): ParseResult {
  return parseExpression(source, (prefix) =>
    Object.hasOwn(namespaces, prefix) ? namespaces[prefix] : undefined,
  );
}
