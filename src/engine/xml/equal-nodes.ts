/**
 * Node equality for idempotent `add` (docs/documents.md#how-operations-behave): namespace-aware
 * (URI + local name, never the prefix), attribute order ignored, whitespace-only text ignored,
 * adjacent text merged.
 */
import type { Element, Node } from '@xmldom/xmldom';
import {
  isComment,
  isElement,
  isNamespaceDeclaration,
  isProcessingInstruction,
  isText,
} from './node-kinds.js';

/** A significant item: an element, comment or processing instruction, or a run of text that is not only whitespace. */
export type Significant = Node | string;

/** The significant items of a node list, in order. */
export function significantItems(nodes: readonly Node[]): Significant[] {
  const items: Significant[] = [];
  let text: string | undefined;
  const flush = (): void => {
    if (text !== undefined && !/^[ \t\r\n]*$/.test(text)) items.push(text);
    text = undefined;
  };
  for (const node of nodes) {
    if (isText(node)) {
      text = (text ?? '') + node.data;
      continue;
    }
    flush();
    if (isElement(node) || isComment(node) || isProcessingInstruction(node)) items.push(node);
  }
  flush();
  return items;
}

function attributesOf(element: Element): Map<string, string> {
  const map = new Map<string, string>();
  for (const attr of Array.from(element.attributes)) {
    if (!isNamespaceDeclaration(attr))
      map.set(`${attr.namespaceURI ?? ''} ${attr.localName ?? attr.name}`, attr.value);
  }
  return map;
}

function equalElements(a: Element, b: Element): boolean {
  if ((a.namespaceURI ?? '') !== (b.namespaceURI ?? '') || a.localName !== b.localName)
    return false;
  const left = attributesOf(a);
  const right = attributesOf(b);
  if (left.size !== right.size) return false;
  for (const [name, value] of left) if (right.get(name) !== value) return false;
  return equalRuns(
    significantItems(Array.from(a.childNodes)),
    significantItems(Array.from(b.childNodes)),
  );
}

export function equalItems(a: Significant, b: Significant): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (isElement(a) && isElement(b)) return equalElements(a, b);
  if (isComment(a) && isComment(b)) return a.data === b.data;
  if (isProcessingInstruction(a) && isProcessingInstruction(b))
    return a.target === b.target && a.data === b.data;
  return false;
}

function equalRuns(a: readonly Significant[], b: readonly Significant[]): boolean {
  return (
    a.length === b.length &&
    a.every((item, i) => {
      const other = b[i];
      return other !== undefined && equalItems(item, other);
    })
  );
}

/**
 * Whether `wanted` stands, equal and contiguous, among `existing` (both significant items).
 * Inserted text merges with the text beside it, so text at the run's edges only has to end
 * (first item) or start (last item) the text that stands there — or lie inside it, alone.
 */
export function containsRun(
  existing: readonly Significant[],
  wanted: readonly Significant[],
): boolean {
  const last = wanted.length - 1;
  if (last < 0) return true;
  const fits = (have: Significant | undefined, want: Significant, index: number): boolean => {
    if (have === undefined) return false;
    if (typeof have !== 'string' || typeof want !== 'string') return equalItems(have, want);
    if (last === 0) return have.includes(want);
    if (index === 0) return have.endsWith(want);
    return index === last ? have.startsWith(want) : have === want;
  };
  for (let start = 0; start + last < existing.length; start += 1) {
    if (wanted.every((want, index) => fits(existing[start + index], want, index))) return true;
  }
  return false;
}
