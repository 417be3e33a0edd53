/**
 * Parse a LocationPath (§2): steps with axes, node tests and predicates; `//`, `.`, `..` and `@`
 * are expanded to their long forms.
 */
import { AXES, type Axis, type Expression, type NodeTest, type Step } from './syntax-tree.js';
import type { TokenStream } from './token-stream.js';

const NODE_TYPES = ['node', 'text', 'comment', 'processing-instruction'];
const DESCENDANT_OR_SELF: Step = {
  axis: 'descendant-or-self',
  test: { kind: 'node' },
  predicates: [],
};

/** Whether the next tokens begin a Step (so a name followed by `(` is a node-type test, not a function). */
export function startsStep(stream: TokenStream): boolean {
  const token = stream.peek();
  if (token === undefined) return false;
  if (token.kind === 'punct')
    return token.text === '.' || token.text === '..' || token.text === '@';
  if (token.kind !== 'name') return false;
  const following = stream.peek(1);
  if (following?.kind === 'punct' && following.text === '::') return true;
  if (!stream.peekIsCall()) return true;
  return token.prefix === undefined && NODE_TYPES.includes(token.local);
}

/**
 * LocationPath ::= RelativeLocationPath | '/' RelativeLocationPath? | '//' RelativeLocationPath.
 * `separator` is the `/` or `//` a FilterExpr already consumed before a relative path.
 */
export function parseLocationPath(
  stream: TokenStream,
  parseExpression: (stream: TokenStream) => Expression,
  separator?: string,
): Expression {
  const steps: Step[] = [];
  let absolute = false;
  let leading = separator;
  if (leading === undefined) {
    leading = stream.operator(['/', '//']);
    absolute = leading !== undefined;
  }
  if (leading === '/' && absolute && !startsStep(stream)) return { kind: 'path', absolute, steps };
  if (leading === '//') steps.push(DESCENDANT_OR_SELF);
  steps.push(parseStep(stream, parseExpression));
  for (
    let next = stream.operator(['/', '//']);
    next !== undefined;
    next = stream.operator(['/', '//'])
  ) {
    if (next === '//') steps.push(DESCENDANT_OR_SELF);
    steps.push(parseStep(stream, parseExpression));
  }
  return { kind: 'path', absolute, steps };
}

function parseStep(
  stream: TokenStream,
  parseExpression: (stream: TokenStream) => Expression,
): Step {
  if (stream.punct('.')) return { axis: 'self', test: { kind: 'node' }, predicates: [] };
  if (stream.punct('..')) return { axis: 'parent', test: { kind: 'node' }, predicates: [] };
  let axis: Axis = 'child';
  if (stream.punct('@')) {
    axis = 'attribute';
  } else {
    const token = stream.peek();
    const following = stream.peek(1);
    if (token?.kind === 'name' && following?.kind === 'punct' && following.text === '::') {
      const named = AXES.find(
        (candidate) => token.prefix === undefined && candidate === token.local,
      );
      if (named === undefined) stream.syntaxError(`unknown axis '${token.local}'`);
      axis = named ?? axis;
      stream.next();
      stream.next();
    }
  }
  const test = parseNodeTest(stream);
  const predicates: Expression[] = [];
  while (stream.punct('[')) {
    predicates.push(parseExpression(stream));
    stream.expectPunct(']');
  }
  return { axis, test, predicates };
}

function parseNodeTest(stream: TokenStream): NodeTest {
  const token = stream.next();
  if (token.kind !== 'name') return stream.syntaxError('node test expected');
  if (stream.punct('(')) {
    if (token.prefix !== undefined || !NODE_TYPES.includes(token.local))
      return stream.syntaxError(`'${token.local}(' is not a node test`);
    let target: string | undefined;
    const literal = stream.peek();
    if (token.local === 'processing-instruction' && literal?.kind === 'literal') {
      target = literal.value;
      stream.next();
    }
    stream.expectPunct(')');
    if (token.local === 'processing-instruction') return { kind: 'processing-instruction', target };
    return { kind: token.local === 'node' ? 'node' : token.local === 'text' ? 'text' : 'comment' };
  }
  if (token.prefix === undefined) {
    return token.local === '*'
      ? { kind: 'any-name' }
      : { kind: 'name', prefix: undefined, namespaceURI: null, localName: token.local };
  }
  const namespaceURI = stream.resolve(token.prefix);
  if (token.local === '*') return { kind: 'namespace-name', prefix: token.prefix, namespaceURI };
  return { kind: 'name', prefix: token.prefix, namespaceURI, localName: token.local };
}
