/**
 * Writes a patched plain value back into the YAML document it was read from, keeping the nodes (and
 * so the comments and styles) of what did not change.
 */
import { isRecord } from '../is-record.js';
import { isMap, isNode, isScalar, isSeq, type Document, type Pair } from 'yaml';
import { jsonEqual, ownMember } from './json-value.js';
import { markWritten } from './yaml11-scalars.js';

/** Copy-on-write results share subtrees (e.g. after `copy`): never turn those into YAML anchors. */
const CREATE = { aliasDuplicateObjects: false } as const;

/**
 * Makes `document` hold `value`, where `before` is what it held (its plain JSON form). Equal
 * subtrees keep their node untouched; a changed map keeps the pairs of its surviving keys in
 * place and appends new ones; a changed sequence keeps the items that are still there; a changed
 * scalar keeps its node (comments, quoting) with the new value. Only new data gets new nodes.
 */
export function reconcileDocument(document: Document, before: unknown, value: unknown): void {
  document.contents = reconcileNode(document, document.contents, before, value);
}

function reconcileNode(
  document: Document,
  node: unknown,
  before: unknown,
  value: unknown,
): Document['contents'] {
  if (jsonEqual(before, value) && isReusable(node)) return node;
  if (isMap(node) && isRecord(before) && isRecord(value)) {
    node.items = reconcilePairs(document, node.items, before, value);
    return node;
  }
  if (isSeq(node) && Array.isArray(before) && Array.isArray(value)) {
    node.items = reconcileItems(document, node.items, before, value);
    return node;
  }
  if (isScalar(node) && !isCollection(value)) {
    node.value = value;
    markWritten(node);
    return node;
  }
  return written(document.createNode(value, CREATE));
}

/** A node hookpatch made: its strings are written for YAML 1.1 readers (yaml11-scalars.ts). */
function written<T>(node: T): T {
  markWritten(node);
  return node;
}

function reconcilePairs(
  document: Document,
  pairs: readonly Pair[],
  before: Record<string, unknown>,
  value: Record<string, unknown>,
): Pair[] {
  const kept: Pair[] = [];
  const seen = new Set<string>();
  for (const pair of pairs) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key === undefined || seen.has(key)) continue;
    const next = ownMember(value, key);
    if (!next.found) continue;
    const previous = ownMember(before, key);
    seen.add(key);
    pair.value = reconcileNode(
      document,
      pair.value,
      previous.found ? previous.value : undefined,
      next.value,
    );
    kept.push(pair);
  }
  for (const [key, member] of Object.entries(value)) {
    if (!seen.has(key)) kept.push(written(document.createPair(key, member, CREATE)));
  }
  return kept;
}

/**
 * Walks old and new items in step: an old item equal to the next new one is kept as it is;
 * old items that no longer appear are dropped; an old item whose value changed in place (same
 * kind, not found later in the new list) is reconciled; anything else is new.
 */
function reconcileItems(
  document: Document,
  items: readonly unknown[],
  before: readonly unknown[],
  value: readonly unknown[],
): unknown[] {
  const result: unknown[] = [];
  let next = 0;
  for (const [index, element] of value.entries()) {
    const found = before.findIndex((old, i) => i >= next && jsonEqual(old, element));
    if (found !== -1) {
      result.push(items[found]);
      next = found + 1;
      continue;
    }
    const old = before[next];
    const survivesLater = value.some((later, i) => i > index && jsonEqual(later, old));
    if (next < before.length && !survivesLater && sameKind(old, element)) {
      result.push(reconcileNode(document, items[next], old, element));
      next += 1;
      continue;
    }
    result.push(written(document.createNode(element, CREATE)));
  }
  return result;
}

/** A node that may be returned as it is: a parsed node (aliases included), or the empty document. */
function isReusable(node: unknown): node is Document['contents'] {
  return node === null || isNode(node);
}

function isCollection(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

function sameKind(a: unknown, b: unknown): boolean {
  return Array.isArray(a) === Array.isArray(b) && isCollection(a) === isCollection(b);
}
