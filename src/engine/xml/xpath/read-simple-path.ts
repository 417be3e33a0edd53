/**
 * Read a parsed XPath as a `set` simple path: absolute child element steps with equality predicates that creation can
 * make true, ending in an element, `@attr` or `text()`. Anything else is named in a message saying
 * why it is not simple.
 */
import type { Expression, Step } from './syntax-tree.js';

/** A name test resolved against the document's namespaces (`namespaceURI` null = no namespace). */
export interface NameTest {
  readonly prefix: string | undefined;
  readonly namespaceURI: string | null;
  readonly localName: string;
}

/**
 * An equality predicate that can be made true by creating nodes:
 * `[@name='x']` → { elements: [], attribute: name, value: 'x' };
 * `[alias/@name='y']` → { elements: [alias], attribute: name, value: 'y' };
 * `[target='z']` → { elements: [target], value: 'z' } (the element's text).
 */
export interface SimplePredicate {
  readonly elements: readonly NameTest[];
  readonly attribute?: NameTest;
  readonly value: string;
}

export interface SimpleStep {
  readonly name: NameTest;
  /** all must hold (`[a='1'][b='2']` and `[a='1' and b='2']` are the same) */
  readonly predicates: readonly SimplePredicate[];
}

export type SimpleTarget =
  | { readonly kind: 'element' }
  | { readonly kind: 'attribute'; readonly name: NameTest }
  | { readonly kind: 'text' };

export interface SimplePath {
  readonly source: string;
  /** element steps from the document element down (absolute path; the first step is the root element) */
  readonly steps: readonly SimpleStep[];
  /** what the path ends in after its element steps */
  readonly target: SimpleTarget;
}

type Reading<T> = T | string;

/** The path's steps and target, or a message naming the part that is not simple. */
export function readSimplePath(expression: Expression): Reading<Omit<SimplePath, 'source'>> {
  if (expression.kind === 'union') return "'|' (a union)";
  if (expression.kind !== 'path') return `${describe(expression)} instead of a location path`;
  if (!expression.absolute) return 'a relative path (a simple path starts at /)';
  const steps: SimpleStep[] = [];
  let target: SimpleTarget = { kind: 'element' };
  for (const [index, step] of expression.steps.entries()) {
    const last = index === expression.steps.length - 1;
    const ending = readEnding(step);
    if (ending !== undefined) {
      if (typeof ending === 'string') return ending;
      if (!last) return `${ending.kind === 'text' ? 'text()' : '@attribute'} before the last step`;
      if (steps.length === 0) return 'no element step before the attribute or text()';
      target = ending;
      continue;
    }
    const name = elementName(step);
    if (typeof name === 'string') return name;
    const predicates: SimplePredicate[] = [];
    for (const predicate of step.predicates) {
      const read = readPredicate(predicate);
      if (typeof read === 'string') return read;
      predicates.push(...read);
    }
    steps.push({ name, predicates });
  }
  if (steps.length === 0) return "'/' alone selects the document, not an element";
  return { steps, target };
}

/** A final `@name` or `text()` step; undefined for element steps. */
function readEnding(step: Step): Reading<SimpleTarget> | undefined {
  if (step.axis === 'attribute') {
    if (step.test.kind !== 'name') return "'@*' or another attribute test than a name";
    if (step.predicates.length > 0) return 'a predicate on an attribute step';
    return { kind: 'attribute', name: nameTest(step.test) };
  }
  if (step.axis === 'child' && step.test.kind === 'text')
    return step.predicates.length > 0 ? 'a predicate on text()' : { kind: 'text' };
  return undefined;
}

function elementName(step: Step): Reading<NameTest> {
  if (step.axis === 'descendant-or-self' || step.axis === 'descendant')
    return "'//' or a descendant axis";
  if (step.axis !== 'child') return `the ${step.axis} axis`;
  switch (step.test.kind) {
    case 'name':
      return nameTest(step.test);
    case 'any-name':
    case 'namespace-name':
      return "'*' (a simple path names every element)";
    default:
      return `the node test ${step.test.kind}()`;
  }
}

function nameTest(test: {
  readonly prefix: string | undefined;
  readonly namespaceURI: string | null;
  readonly localName: string;
}): NameTest {
  return { prefix: test.prefix, namespaceURI: test.namespaceURI, localName: test.localName };
}

/** `[a='1' and b/@c='2']` is two predicates, as `[a='1'][b/@c='2']` is. */
function readPredicate(predicate: Expression): Reading<SimplePredicate[]> {
  if (predicate.kind === 'and') {
    const left = readPredicate(predicate.left);
    if (typeof left === 'string') return left;
    const right = readPredicate(predicate.right);
    return typeof right === 'string' ? right : [...left, ...right];
  }
  if (predicate.kind === 'number') return `the position predicate [${predicate.value}]`;
  if (predicate.kind !== 'compare')
    return `${describe(predicate)} in a predicate (only path='literal' is simple)`;
  if (predicate.operator !== '=') return `the operator '${predicate.operator}' in a predicate`;
  const [path, literal] =
    predicate.left.kind === 'literal'
      ? [predicate.right, predicate.left]
      : [predicate.left, predicate.right];
  if (literal.kind !== 'literal')
    return `${describe(literal)} compared in a predicate (only a string literal is simple)`;
  if (path.kind !== 'path')
    return `${describe(path)} in a predicate (only a relative path of names is simple)`;
  if (path.absolute) return 'an absolute path in a predicate';
  const elements: NameTest[] = [];
  for (const [index, step] of path.steps.entries()) {
    const last = index === path.steps.length - 1;
    if (
      step.axis === 'attribute' &&
      last &&
      step.test.kind === 'name' &&
      step.predicates.length === 0
    ) {
      return [{ elements, attribute: nameTest(step.test), value: literal.value }];
    }
    if (step.predicates.length > 0) return 'a predicate inside a predicate';
    const name = elementName(step);
    if (typeof name === 'string') return `${name} in a predicate`;
    elements.push(name);
  }
  return [{ elements, value: literal.value }];
}

function describe(expression: Expression): string {
  switch (expression.kind) {
    case 'call':
      return `the function ${expression.name}()`;
    case 'or':
      return "'or'";
    case 'number':
      return 'a number';
    case 'literal':
      return 'a string literal';
    case 'variable':
      return `the variable $${expression.name}`;
    case 'filter':
      return 'a filter expression';
    default:
      return `a${expression.kind === 'arithmetic' ? 'n' : ''} ${expression.kind} expression`;
  }
}
