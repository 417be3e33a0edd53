/** `replace`: an element by the fragment, an attribute's or text node's value by the string value. */
import type { Element, Node } from '@xmldom/xmldom';
import { fail, ok, type Outcome } from '../errors.js';
import type { ReplaceOperation } from '../model.js';
import { expandTemplate } from '../template.js';
import { bindInsertedNamespaces } from './declare-namespace.js';
import { equalItems, significantItems } from './equal-nodes.js';
import { instantiateFragment } from './instantiate-fragment.js';
import { insertNodes, removeNode } from './layout.js';
import { isAttr, isElement, isText } from './node-kinds.js';
import { checkMatchCount, type OperationEffect, type OperationInput } from './operation-effect.js';
import { selectNodes } from './select-nodes.js';

/** Replace one element; `changed` is false when it already equals the fragment. */
function replaceElement(
  element: Element,
  op: ReplaceOperation,
  input: OperationInput,
  laidOut: Map<Node, boolean>,
): Outcome<boolean> {
  const fragment = op.value.fragment;
  if (fragment === undefined)
    return fail(
      'FRAGMENT_MALFORMED',
      'replacing an element needs a well-formed XML fragment as value',
    );
  const nodes = instantiateFragment(fragment, input.document, input.vars);
  const wanted = significantItems(nodes);
  const only = wanted[0];
  if (wanted.length === 1 && only !== undefined && equalItems(only, element)) return ok(false);
  const parent = element.parentNode;
  if (!isElement(parent)) {
    if (wanted.length !== 1 || typeof only === 'string' || !isElement(only))
      return fail(
        'ROOT_REMOVED',
        'the document element can only be replaced by exactly one element',
      );
    input.document.replaceChild(only, element);
    bindInsertedNamespaces(only, only, input.document);
    return ok(true);
  }
  const bound = nodes.map((node: Node) =>
    isElement(node) ? bindInsertedNamespaces(node, parent, input.document) : node,
  );
  if (bound.length > 0) insertNodes(element, bound, 'before', input.document, laidOut);
  removeNode(element, laidOut);
  return ok(true);
}

function replaceOne(
  node: Node,
  op: ReplaceOperation,
  input: OperationInput,
  laidOut: Map<Node, boolean>,
): Outcome<boolean> {
  if (isElement(node)) return replaceElement(node, op, input, laidOut);
  const value = expandTemplate(op.value.text, input.vars);
  if (isAttr(node)) {
    if (node.value === value) return ok(false);
    node.ownerElement?.setAttributeNS(node.namespaceURI, node.name, value);
    return ok(true);
  }
  if (isText(node)) {
    if (node.data === value) return ok(false);
    node.data = value;
    return ok(true);
  }
  return fail(
    'WRONG_NODE_TYPE',
    `replace acts on elements, attributes and text nodes, the path selected a ${node.nodeName} node`,
  );
}

export function applyReplace(
  op: ReplaceOperation,
  input: OperationInput,
): Outcome<OperationEffect> {
  const targets = selectNodes(op.path, input.document);
  const counted = checkMatchCount(targets.length, {
    ...(op.count === undefined ? {} : { count: op.count }),
    optional: op.optional,
    needsMatch: true,
  });
  if (!counted.ok) return counted;
  let changed = false;
  const laidOut = new Map<Node, boolean>();
  for (const target of targets) {
    const replaced = replaceOne(target, op, input, laidOut);
    if (!replaced.ok) return replaced;
    changed ||= replaced.value;
  }
  return ok({ matches: targets.length, changed });
}
