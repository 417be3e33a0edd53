/** The `xpath` package as fallback evaluator for the few constructs the linear evaluator leaves out (id(), which needs attribute types from a DTD). */
import type { Node } from '@xmldom/xmldom';
import xpath from 'xpath';
import type { Namespaces } from '../../model.js';
import type { DocumentOrder } from './document-order.js';
import type { XPathValue } from './xpath-value.js';

export type FallbackEvaluator = xpath.ParsedXPath;

/** Undefined when the package cannot parse what the linear parser accepted. */
export function compileFallback(source: string): FallbackEvaluator | undefined {
  try {
    return xpath.parse(source);
  } catch {
    return undefined;
  }
}

export function evaluateFallback(
  evaluator: FallbackEvaluator,
  namespaces: Namespaces,
  context: Node,
  order: DocumentOrder,
): XPathValue {
  const value = evaluator.evaluate({ node: context, namespaces });
  if (value instanceof xpath.XNodeSet) return order.sortUnique(value.toArray());
  if (value instanceof xpath.XString) return value.stringValue();
  if (value instanceof xpath.XNumber) return value.numberValue();
  return value.booleanValue();
}
