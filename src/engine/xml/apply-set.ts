/**
 * `set`: walk a simple path from the root; where no child matches a step (name and every
 * predicate), create one that does; then give every reached node the value
 * (docs/documents.md#how-operations-behave).
 */
import type { Document, Element, Node } from '@xmldom/xmldom';
import { fail, ok, type Outcome } from '../errors.js';
import { chargeChars, chargeNodes, chargeWork } from '../meter.js';
import type { SetOperation } from '../model.js';
import { expandTemplate } from '../template.js';
import { bindAttributes, bindInsertedNamespaces } from './declare-namespace.js';
import { insertNodes } from './layout.js';
import { childElements, childNodes, isElement, isText } from './node-kinds.js';
import { checkMatchCount, type OperationEffect, type OperationInput } from './operation-effect.js';
import type { NameTest, SimplePredicate, SimpleStep, SimpleTarget } from './simple-path.js';

function named(element: Element, name: NameTest): boolean {
  return (
    (element.namespaceURI ?? null) === name.namespaceURI &&
    (element.localName ?? element.tagName) === name.localName
  );
}

function holds(element: Element, predicate: SimplePredicate): boolean {
  let candidates = [element];
  for (const name of predicate.elements)
    candidates = candidates.flatMap((node) =>
      childElements(node).filter((child) => named(child, name)),
    );
  const attribute = predicate.attribute;
  if (attribute === undefined)
    return candidates.some((node) => node.textContent === predicate.value);
  return candidates.some(
    (node) =>
      node.getAttributeNodeNS(attribute.namespaceURI, attribute.localName)?.value ===
      predicate.value,
  );
}

function matchesStep(element: Element, step: SimpleStep): boolean {
  return (
    named(element, step.name) && step.predicates.every((predicate) => holds(element, predicate))
  );
}

function qualified(name: NameTest): string {
  return name.prefix === undefined || name.prefix === ''
    ? name.localName
    : `${name.prefix}:${name.localName}`;
}

/** A new element for `step`, with its predicates made true: `[alias/@name='y']` becomes `<alias name="y"/>`. */
function createForStep(step: SimpleStep, document: Document): Element {
  const element = document.createElementNS(step.name.namespaceURI, qualified(step.name));
  for (const predicate of step.predicates) {
    let holder = element;
    for (const name of predicate.elements) {
      let next = childElements(holder).find((child) => named(child, name));
      if (next === undefined) {
        next = document.createElementNS(name.namespaceURI, qualified(name));
        holder.appendChild(next);
      }
      holder = next;
    }
    if (predicate.attribute === undefined)
      holder.appendChild(document.createTextNode(predicate.value));
    else
      holder.setAttributeNS(
        predicate.attribute.namespaceURI,
        qualified(predicate.attribute),
        predicate.value,
      );
  }
  return element;
}

/** Children of `parents` matching `step`, creating one under each parent that has none. */
function walkStep(
  parents: readonly Element[],
  step: SimpleStep,
  input: OperationInput,
): { elements: Element[]; created: boolean } {
  const { document } = input;
  let created = false;
  const elements = parents.flatMap((parent) => {
    const children = childElements(parent);
    chargeWork(1 + children.length);
    const found = children.filter((child) => matchesStep(child, step));
    if (found.length > 0) return found;
    created = true;
    chargeNodes(2 + 2 * step.predicates.length);
    const element = bindInsertedNamespaces(createForStep(step, document), parent, document);
    input.changes.inserted(parent, element);
    insertNodes(parent, [element], 'append', document);
    return [element];
  });
  return { elements, created };
}

/**
 * Make the target hold `value`; returns whether anything changed. `text()` is all of the
 * element's text children, layout included: they become one text node, so a second call sees
 * exactly the value and changes nothing.
 */
function assign(
  element: Element,
  target: SimpleTarget,
  value: string,
  input: OperationInput,
): boolean {
  const { document, changes } = input;
  if (target.kind === 'attribute') {
    const { namespaceURI, localName } = target.name;
    const existing = element.getAttributeNodeNS(namespaceURI, localName);
    if (existing !== null) changes.selected(existing);
    if (existing?.value === value) return false;
    if (existing !== null) changes.changed(existing);
    element.setAttributeNS(namespaceURI, qualified(target.name), value);
    const created = element.getAttributeNodeNS(namespaceURI, localName);
    if (existing === null && created !== null) changes.inserted(element, created);
    if (namespaceURI !== null) bindAttributes(element, document);
    return true;
  }
  changes.selected(element);
  const texts = childNodes(element).filter(isText);
  const replaceAll = target.kind === 'element';
  if (
    texts.map((node) => node.data).join('') === value &&
    (!replaceAll || texts.length === element.childNodes.length)
  )
    return false;
  changes.changed(element);
  const fresh = value === '' ? null : document.createTextNode(value);
  if (fresh !== null)
    element.insertBefore(fresh, replaceAll ? element.firstChild : (texts[0] ?? null));
  for (const node of replaceAll ? childNodes(element) : texts)
    if (node !== fresh) element.removeChild(node);
  return true;
}

/** Whether `element` is still what the path's steps select: its new value may have broken one of their predicates. */
function stillSelected(element: Element, steps: readonly SimpleStep[]): boolean {
  let node: Node | null = element;
  for (let i = steps.length - 1; i >= 0; i -= 1) {
    const step = steps[i];
    if (!isElement(node) || step === undefined || !matchesStep(node, step)) return false;
    node = node.parentNode;
  }
  return node !== null && node.nodeType === 9;
}

export function applySet(op: SetOperation, input: OperationInput): Outcome<OperationEffect> {
  const root = input.document.documentElement;
  const [first, ...rest] = op.path.steps;
  if (root === null || first === undefined) return fail('NO_MATCH', 'the path selected nothing');
  let reached = matchesStep(root, first) ? [root] : [];
  let changed = false;
  for (const step of rest) {
    const walked = walkStep(reached, step, input);
    reached = walked.elements;
    changed ||= walked.created;
  }
  const counted = checkMatchCount(reached.length, {
    ...(op.count === undefined ? {} : { count: op.count }),
    optional: op.optional,
    needsMatch: true,
  });
  if (!counted.ok) return counted;
  const value = expandTemplate(op.value, input.vars);
  chargeChars(reached.length * value.length);
  for (const element of reached) changed = assign(element, op.path.target, value, input) || changed;
  if (changed && !reached.every((element) => stillSelected(element, op.path.steps)))
    return fail(
      'NOT_IDEMPOTENT',
      `the value '${value}' breaks a predicate of the path: ` +
        'the next call would not find this element and would create another',
    );
  return ok({ matches: reached.length, changed });
}
