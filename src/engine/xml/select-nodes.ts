/** STUB (owner: XPath): evaluate a compiled XPath against a DOM node; nodes in document order, no duplicates. */
import type { Node } from '@xmldom/xmldom';
import type { CompiledXPath } from './compile-xpath.js';

/** A path whose result is not a node-set (e.g. `count(//disk)`) selects nothing; compileXPath may reject such paths up front. */
export function selectNodes(_path: CompiledXPath, _context: Node): Node[] {
  return [];
}
