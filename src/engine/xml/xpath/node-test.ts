/** Node tests (§2.3): names match by namespace URI and local name against the axis's principal node type. */
import type { Node } from '@xmldom/xmldom';
import { ATTRIBUTE, CDATA, COMMENT, ELEMENT, PROCESSING_INSTRUCTION, TEXT } from './data-model.js';
import type { Axis, NodeTest } from './syntax-tree.js';

/**
 * > Every axis has a principal node type … for the attribute axis, the principal node type is
 * > attribute; otherwise element.
 */
export function passes(test: NodeTest, node: Node, axis: Axis): boolean {
  const type = node.nodeType;
  switch (test.kind) {
    case 'node':
      return true;
    case 'text':
      return type === TEXT || type === CDATA;
    case 'comment':
      return type === COMMENT;
    case 'processing-instruction':
      return (
        type === PROCESSING_INSTRUCTION &&
        (test.target === undefined || node.nodeName === test.target)
      );
    case 'any-name':
      return type === principalType(axis);
    case 'namespace-name':
      return type === principalType(axis) && node.namespaceURI === test.namespaceURI;
    case 'name':
      return (
        type === principalType(axis) &&
        (node.localName ?? node.nodeName) === test.localName &&
        (node.namespaceURI ?? null) === test.namespaceURI
      );
  }
}

function principalType(axis: Axis): number {
  return axis === 'attribute' ? ATTRIBUTE : ELEMENT;
}
