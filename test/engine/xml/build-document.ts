/** Hand-built patch documents for unit tests, so the XML engine is tested without the loader. */
import {
  QEMU_NAMESPACE,
  type AddOperation,
  type AddPosition,
  type Namespaces,
  type PatchDocument,
  type RemoveOperation,
  type ReplaceOperation,
  type SetOperation,
  type XmlOperation,
} from '../../../src/engine/model.js';
import { compileXPath, type CompiledXPath } from '../../../src/engine/xml/compile-xpath.js';
import { parseFragment, type XmlFragment } from '../../../src/engine/xml/fragment.js';
import type {
  NameTest,
  SimplePath,
  SimplePredicate,
  SimpleStep,
} from '../../../src/engine/xml/simple-path.js';

export const NAMESPACES: Namespaces = { qemu: QEMU_NAMESPACE };

function xpath(source: string, namespaces: Namespaces = NAMESPACES): CompiledXPath {
  const compiled = compileXPath(source, namespaces);
  if (!compiled.ok) throw new Error(`${source}: ${compiled.problem.message}`);
  return compiled.value;
}

export function fragment(source: string, namespaces: Namespaces = NAMESPACES): XmlFragment {
  const parsed = parseFragment(source, namespaces);
  if (!parsed.ok) throw new Error(`${source}: ${parsed.problem.code} ${parsed.problem.message}`);
  return parsed.value;
}

interface Common {
  readonly optional?: boolean;
  readonly count?: number;
}

const at = (index: number, op: string, path: string) => ({
  source: 'unit.yaml',
  line: index + 1,
  column: 3,
  list: 'domain' as const,
  operation: index,
  op,
  path,
});

export function add(
  index: number,
  path: string,
  value: string,
  extra: Common & { position?: AddPosition; once?: boolean } = {},
): AddOperation {
  const { position = 'append', once = true, optional = false, count } = extra;
  return {
    op: 'add',
    index,
    at: at(index, 'add', path),
    path: xpath(path),
    value: fragment(value),
    position,
    once,
    optional,
    ...(count === undefined ? {} : { count }),
  };
}

export function replace(
  index: number,
  path: string,
  value: string,
  extra: Common = {},
): ReplaceOperation {
  const parsed = parseFragment(value, NAMESPACES);
  const { optional = false, count } = extra;
  return {
    op: 'replace',
    index,
    at: at(index, 'replace', path),
    path: xpath(path),
    value: { text: value, ...(parsed.ok ? { fragment: parsed.value } : {}) },
    optional,
    ...(count === undefined ? {} : { count }),
  };
}

export function remove(
  index: number,
  path: string,
  extra: { count?: number } = {},
): RemoveOperation {
  return {
    op: 'remove',
    index,
    at: at(index, 'remove', path),
    path: xpath(path),
    ...(extra.count === undefined ? {} : { count: extra.count }),
  };
}

export function name(
  localName: string,
  namespaceURI: string | null = null,
  prefix?: string,
): NameTest {
  return { prefix, namespaceURI, localName };
}

export function step(localName: string, ...predicates: SimplePredicate[]): SimpleStep {
  return { name: name(localName), predicates };
}

export function attributeEquals(
  attribute: string,
  value: string,
  ...elements: string[]
): SimplePredicate {
  return { elements: elements.map((element) => name(element)), attribute: name(attribute), value };
}

export function set(
  index: number,
  source: string,
  path: Omit<SimplePath, 'source'>,
  value: string,
  extra: Common = {},
): SetOperation {
  const { optional = false, count } = extra;
  return {
    op: 'set',
    index,
    at: at(index, 'set', source),
    path: { source, ...path },
    value,
    optional,
    ...(count === undefined ? {} : { count }),
  };
}

export function patchDocument(
  name: string,
  domain: readonly XmlOperation[],
  extra: Partial<PatchDocument> = {},
): PatchDocument {
  return {
    name,
    origin: 'file',
    at: { source: 'unit.yaml', line: 1, column: 1, document: name },
    bytes: 0,
    failurePolicy: 'Fail',
    namespaces: NAMESPACES,
    vars: [],
    domain,
    cloudInit: [],
    userData: [],
    networkData: [],
    warnings: [],
    ...extra,
  };
}
