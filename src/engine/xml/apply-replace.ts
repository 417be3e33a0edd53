/**
 * `replace`: an element by the fragment, an attribute's or text node's value by the string
 * value; a step per target.
 */
import type { Element, Node } from '@xmldom/xmldom';
import { fail, ok, type Outcome } from '../errors.js';
import type { ReplaceOperation } from '../model.js';
import type { Steps } from '../steps.js';
import { expandTemplate } from '../template.js';
import { checkReselection } from './check-reselection.js';
import type { ChangeLog } from './change-log.js';
import { bindInsertedNamespaces } from './declare-namespace.js';
import { equalItems, significantItems } from './equal-nodes.js';
import { instantiateFragment } from './instantiate-fragment.js';
import { insertNodes, removeNode } from './layout.js';
import { isAttr, isElement, isText } from './node-kinds.js';
import { checkMatchCount, type OperationEffect, type OperationInput } from './operation-effect.js';
import { selectNodes } from './select-nodes.js';

/** virt-launcher unmarshals the reply into its DomainSpec: a domain stays a domain. */
function isDomain(element: Element): boolean {
  return element.namespaceURI === null && element.localName === 'domain';
}

/** Layout knowledge shared by one operation's replacements, and the nodes inserted several for one. */
interface Placed {
  readonly laidOut: Map<Node, boolean>;
  readonly inserted: Set<Node>;
}

/** Replace one element; `changed` is false when it already equals the fragment. */
function* replaceElement(
  element: Element,
  op: ReplaceOperation,
  input: OperationInput,
  placed: Placed,
): Steps<Outcome<boolean>> {
  const fragment = op.value.fragment;
  if (fragment === undefined)
    return fail(
      'FRAGMENT_MALFORMED',
      'replacing an element needs a well-formed XML fragment as value',
    );
  const nodes = yield* instantiateFragment(fragment, input.document, input.vars);
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
    if (isDomain(element) && !isDomain(only))
      return fail('ROOT_REMOVED', 'the document element must stay a <domain>');
    input.changes.replaced(element, only);
    input.document.replaceChild(only, element);
    bindInsertedNamespaces(only, only, input.document);
    return ok(true);
  }
  const bound = nodes.map((node: Node) =>
    isElement(node) ? bindInsertedNamespaces(node, parent, input.document) : node,
  );
  tellReplacement(element, parent, bound, input.changes);
  if (bound.length > 0) insertNodes(element, bound, 'before', input.document, placed.laidOut);
  // several nodes for one: if the path selects one of them again, the next call multiplies it
  if (wanted.length > 1) for (const node of bound) placed.inserted.add(node);
  removeNode(element, placed.laidOut);
  return ok(true);
}

/** One element for one element keeps its place; anything else removes it from, and inserts into, its parent. */
function tellReplacement(
  element: Element,
  parent: Element,
  nodes: readonly Node[],
  changes: ChangeLog,
): void {
  const [only, ...others] = nodes;
  if (only !== undefined && others.length === 0 && isElement(only)) {
    changes.replaced(element, only);
    return;
  }
  changes.removed(parent, element);
  for (const node of nodes) changes.inserted(parent, node);
}

function* replaceOne(
  node: Node,
  op: ReplaceOperation,
  input: OperationInput,
  placed: Placed,
): Steps<Outcome<boolean>> {
  if (isElement(node)) return yield* replaceElement(node, op, input, placed);
  const value = expandTemplate(op.value.text, input.vars);
  if (isAttr(node)) {
    if (node.value === value) return ok(false);
    input.changes.changed(node);
    node.ownerElement?.setAttributeNS(node.namespaceURI, node.name, value);
    return ok(true);
  }
  if (isText(node)) {
    if (node.data === value) return ok(false);
    input.changes.changed(node);
    node.data = value;
    return ok(true);
  }
  return fail(
    'WRONG_NODE_TYPE',
    `replace acts on elements, attributes and text nodes, the path selected a ${node.nodeName} node`,
  );
}

export function* applyReplace(
  op: ReplaceOperation,
  input: OperationInput,
): Steps<Outcome<OperationEffect>> {
  const targets = selectNodes(op.path, input.document);
  const counted = checkMatchCount(targets.length, {
    ...(op.count === undefined ? {} : { count: op.count }),
    optional: op.optional,
    needsMatch: true,
  });
  if (!counted.ok) return counted;
  let changed = false;
  const placed: Placed = { laidOut: new Map(), inserted: new Set() };
  for (const target of targets) {
    yield;
    input.changes.selected(target);
    const replaced = yield* replaceOne(target, op, input, placed);
    if (!replaced.ok) return replaced;
    changed ||= replaced.value;
  }
  if (changed) {
    yield;
    const reselected = checkReselection(op, input.document, placed.inserted);
    if (!reselected.ok) return reselected;
  }
  return ok({ matches: targets.length, changed });
}
