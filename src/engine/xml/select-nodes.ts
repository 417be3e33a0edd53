/** Evaluate a compiled XPath against a DOM node; nodes in document order, no duplicates. */
import type { Node } from '@xmldom/xmldom';
import xpath from 'xpath';
import type { CompiledXPath } from './compile-xpath.js';

/** A path whose result is not a node-set (e.g. `count(//disk)`) selects nothing. */
export function selectNodes(path: CompiledXPath, context: Node): Node[] {
  const value = path.parsed.evaluate({ node: context, namespaces: path.namespaces });
  if (!(value instanceof xpath.XNodeSet)) return [];
  return [...new Set(value.toArray())];
}
