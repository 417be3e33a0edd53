/**
 * The element and attribute names a domain operation's path walks, read from its compiled form:
 * enough to see which part of the domain it touches.
 */
import type { XmlOperation } from '../model.js';
import type { SimplePath } from '../xml/simple-path.js';
import type { Expression } from '../xml/xpath/syntax-tree.js';

export interface StepName {
  readonly local: string;
  /** as written, with its prefix (`qemu:commandline`) */
  readonly written: string;
  readonly namespace: string | null;
}

export interface PathNames {
  /** element steps in order, any axis (`//disk` included) */
  readonly steps: readonly StepName[];
  /** their local names */
  readonly elements: readonly string[];
  /** the attribute the path ends in, if it does */
  readonly attribute: string | undefined;
  /** every literal of an equality predicate, e.g. `ua-rootdisk` of `[alias/@name='ua-rootdisk']` */
  readonly literals: readonly string[];
}

function literalsOf(expression: Expression): string[] {
  switch (expression.kind) {
    case 'literal':
      return [expression.value];
    case 'compare':
    case 'and':
    case 'or':
      return [...literalsOf(expression.left), ...literalsOf(expression.right)];
    default:
      return [];
  }
}

function named(prefix: string | undefined, local: string, namespace: string | null): StepName {
  return { local, written: prefix === undefined ? local : `${prefix}:${local}`, namespace };
}

/** The names of a path expression; a union or a filter expression reads as no path at all. */
function xpathNames(expression: Expression): Omit<PathNames, 'elements'> {
  if (expression.kind !== 'path') return { steps: [], attribute: undefined, literals: [] };
  const steps: StepName[] = [];
  let attribute: string | undefined;
  const literals: string[] = [];
  for (const step of expression.steps) {
    if (step.test.kind !== 'name') continue;
    const { prefix, localName, namespaceURI } = step.test;
    if (step.axis === 'attribute') attribute = localName;
    else steps.push(named(prefix, localName, namespaceURI));
    literals.push(...step.predicates.flatMap(literalsOf));
  }
  return { steps, attribute, literals };
}

function simplePathNames({ steps, target }: SimplePath): Omit<PathNames, 'elements'> {
  return {
    steps: steps.map(({ name }) => named(name.prefix, name.localName, name.namespaceURI)),
    attribute: target.kind === 'attribute' ? target.name.localName : undefined,
    literals: steps.flatMap((step) => step.predicates.map((predicate) => predicate.value)),
  };
}

function operationNames(operation: XmlOperation): Omit<PathNames, 'elements'> {
  switch (operation.op) {
    case 'add':
    case 'replace':
    case 'remove':
    case 'xml-patch':
      return xpathNames(operation.path.expression);
    case 'set':
      return simplePathNames(operation.path);
  }
}

export function pathNames(operation: XmlOperation): PathNames {
  const names = operationNames(operation);
  return { ...names, elements: names.steps.map((step) => step.local) };
}
