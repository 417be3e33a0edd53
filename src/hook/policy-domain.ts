/** Whether an annotation document selects or changes domain nodes outside those the annotation policy allows: judged on nodes, not path text. */
import type { Attr, Element, Node } from '@xmldom/xmldom';
import type { DocumentReport, PatchDocument } from '../engine/index.js';
import { selectNodes } from '../engine/xml/select-nodes.js';
import type { CompiledXPath } from '../engine/xml/compile-xpath.js';
import { parseDomainXml } from '../engine/xml/parse-xml.js';
import type { PartialRun, Violation } from './policy-guard.js';

const XMLNS = 'http://www.w3.org/2000/xmlns/';

function allowedNodes(root: Node, allow: readonly CompiledXPath[]): ReadonlySet<Node> {
  return new Set(allow.flatMap((path) => selectNodes(path, root)));
}

/** Children that count: not allowed (their whole subtree may change) and not whitespace-only text (layout). */
function significant(element: Element, allowed: ReadonlySet<Node>): Node[] {
  return Array.from(element.childNodes).filter(
    (child) =>
      !allowed.has(child) &&
      !(child.nodeType === child.TEXT_NODE && (child.nodeValue ?? '').trim() === ''),
  );
}

/** Attributes that count: namespace declarations follow the elements (an inserted `qemu:` element declares its prefix). */
function attributes(element: Element, allowed: ReadonlySet<Node>): Map<string, string> {
  const result = new Map<string, string>();
  for (const attr of Array.from(element.attributes)) {
    if (attr.namespaceURI !== XMLNS && !allowed.has(attr))
      result.set(`{${attr.namespaceURI ?? ''}}${attr.localName ?? attr.name}`, attr.value);
  }
  return result;
}

function sameAttributes(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([name, value]) => b.get(name) === value);
}

function isElement(node: Node): node is Element {
  return node.nodeType === node.ELEMENT_NODE;
}

/** The path of the first difference between two elements outside allowed nodes, or undefined when there is none. */
function firstChange(
  a: Element,
  b: Element,
  allowedA: ReadonlySet<Node>,
  allowedB: ReadonlySet<Node>,
  path: string,
): string | undefined {
  const here = `${path}/${a.nodeName}`;
  if (a.namespaceURI !== b.namespaceURI || a.localName !== b.localName) return here;
  if (!sameAttributes(attributes(a, allowedA), attributes(b, allowedB))) return here;
  const childrenA = significant(a, allowedA);
  const childrenB = significant(b, allowedB);
  if (childrenA.length !== childrenB.length) return here;
  for (const [index, childA] of childrenA.entries()) {
    const childB = childrenB[index];
    if (childB === undefined || childA.nodeType !== childB.nodeType) return here;
    if (isElement(childA) && isElement(childB)) {
      const inner = firstChange(childA, childB, allowedA, allowedB, here);
      if (inner !== undefined) return inner;
    } else if (childA.nodeValue !== childB.nodeValue) {
      return here;
    }
  }
  return undefined;
}

/** The node itself, or the element that holds it (attributes and text have no other parent). */
function holder(node: Node): Node | null {
  return node.nodeType === node.ATTRIBUTE_NODE && 'ownerElement' in node
    ? (node as Attr).ownerElement
    : node.parentNode;
}

function insideAllowed(node: Node, allowed: ReadonlySet<Node>): boolean {
  for (let at: Node | null = node; at !== null; at = holder(at)) if (allowed.has(at)) return true;
  return false;
}

interface State {
  readonly root: Element;
  readonly allowed: ReadonlySet<Node>;
}

function state(xml: string, allow: readonly CompiledXPath[]): State | undefined {
  const parsed = parseDomainXml(xml);
  const root = parsed.ok ? parsed.value.documentElement : null;
  return parsed.ok && root !== null
    ? { root, allowed: allowedNodes(parsed.value, allow) }
    : undefined;
}

/**
 * SPEC §2: an `add` to `/domain` is outside `/domain/sysinfo` whatever its value: what a path selects must lie inside —
 * in the state before and after the document, and in the state the operation really ran on (after the operations
 * before it), so an earlier operation cannot plant a marker that a later path climbs out of.
 */
function selectionOutside(
  document: PatchDocument,
  report: DocumentReport | undefined,
  states: readonly State[],
  ranOn: (position: number) => State | undefined,
): Violation | undefined {
  for (const [position, op] of document.domain.entries()) {
    if (
      op.op === 'set' ||
      report?.operations.find((o) => o.list === 'domain' && o.index === op.index)?.skipped ===
        'when'
    )
      continue;
    const real = position > 0 ? ranOn(position) : undefined;
    for (const { root, allowed } of real === undefined ? states : [...states, real]) {
      const outside = selectNodes(op.path, root.ownerDocument ?? root).find(
        (node) => !insideAllowed(node, allowed),
      );
      if (outside !== undefined)
        return {
          rule: 'allow.domain',
          what: `operation ${op.index} (${op.op} ${op.path.source}) selects ${outside.nodeName}`,
        };
    }
  }
  return undefined;
}

/**
 * The document's net effect (`before` → `after`, engine output of the same call) must lie inside allowed
 * nodes, and so must every node its operations select, in the state before and after it.
 */
export function domainViolation(
  before: string,
  after: string,
  allow: readonly CompiledXPath[],
  document: PatchDocument,
  report: DocumentReport | undefined,
  partial: PartialRun<string>,
): Violation | undefined {
  if (report?.status !== 'applied') return undefined;
  const a = state(before, allow);
  const b = state(after, allow);
  if (a === undefined || b === undefined) return { rule: 'allow.domain', what: 'it changes /' };
  const ranOn = (position: number): State | undefined => {
    const xml = partial({ ...document, domain: document.domain.slice(0, position) });
    return xml === undefined ? undefined : state(xml, allow);
  };
  const selected = selectionOutside(document, report, [a, b], ranOn);
  if (selected !== undefined) return selected;
  if (before === after || (a.allowed.has(a.root) && b.allowed.has(b.root))) return undefined;
  const changed = firstChange(a.root, b.root, a.allowed, b.allowed, '');
  return changed === undefined
    ? undefined
    : { rule: 'allow.domain', what: `it changes ${changed}` };
}
