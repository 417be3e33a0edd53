/**
 * `add`: insert a fragment into (append/prepend) or beside (before/after) every selected element,
 * unless it already stands there; a step per target.
 */
import type { Document, Element, Node } from '@xmldom/xmldom';
import { fail, ok, type Outcome } from '../errors.js';
import type { AddOperation } from '../model.js';
import type { Steps } from '../steps.js';
import { bindInsertedNamespaces } from './declare-namespace.js';
import { checkReselection } from './check-reselection.js';
import { fragmentStands } from './fragment-presence.js';
import { instantiateFragment } from './instantiate-fragment.js';
import { insertNodes } from './layout.js';
import { isElement } from './node-kinds.js';
import { checkMatchCount, type OperationEffect, type OperationInput } from './operation-effect.js';
import { selectNodes } from './select-nodes.js';

function insertionParent(target: Element, op: AddOperation): Outcome<Element> {
  if (op.position === 'append' || op.position === 'prepend') return ok(target);
  if (!isElement(target.parentNode))
    return fail(
      'WRONG_NODE_TYPE',
      `cannot add ${op.position} the document element: a document has exactly one root`,
    );
  return ok(target.parentNode);
}

/** The fragment's nodes, with namespaces bound where they will stand (may declare a prefix on the root). */
function bound(nodes: readonly Node[], parent: Element, document: Document): Node[] {
  return nodes.map((node) =>
    isElement(node) ? bindInsertedNamespaces(node, parent, document) : node,
  );
}

export function* applyAdd(
  op: AddOperation,
  input: OperationInput,
): Steps<Outcome<OperationEffect>> {
  const targets = selectNodes(op.path, input.document);
  yield;
  const counted = checkMatchCount(targets.length, {
    ...(op.count === undefined ? {} : { count: op.count }),
    optional: op.optional,
    needsMatch: true,
  });
  if (!counted.ok) return counted;
  for (const target of targets) input.changes.selected(target);
  const plans: { target: Element; parent: Element; nodes: Node[] }[] = [];
  // the vars are the same for every target, so presence depends on the parent only: asked once per
  // parent, the check stays linear
  const present = new Map<Element, boolean>();
  for (const target of targets) {
    if (!isElement(target))
      return fail(
        'WRONG_NODE_TYPE',
        `add needs an element, the path selected a ${target.nodeName} node`,
      );
    const parent = insertionParent(target, op);
    if (!parent.ok) return parent;
    const nodes = yield* instantiateFragment(op.value, input.document, input.vars);
    if (op.once && !present.has(parent.value))
      present.set(parent.value, fragmentStands(parent.value, nodes));
    if (!op.once || present.get(parent.value) !== true)
      plans.push({ target, parent: parent.value, nodes });
  }
  const laidOut = new Map<Node, boolean>();
  for (const plan of plans) {
    yield;
    const nodes = bound(plan.nodes, plan.parent, input.document);
    for (const node of nodes) input.changes.inserted(plan.parent, node);
    insertNodes(plan.target, nodes, op.position, input.document, laidOut);
  }
  // `once: false` asks for an insertion on every call
  if (plans.length > 0 && op.once) {
    yield;
    const reselected = checkReselection(op, input.document, new Set());
    if (!reselected.ok) return reselected;
  }
  const effect: OperationEffect = { matches: targets.length, changed: plans.length > 0 };
  return ok(targets.length > 0 && plans.length === 0 ? { ...effect, skipped: 'present' } : effect);
}
