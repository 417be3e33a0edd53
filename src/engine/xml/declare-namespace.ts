/**
 * Namespaces are correct in the output (docs/documents.md#how-operations-behave): inserted elements
 * and attributes get a prefix that is bound to their namespace where they land — the input's own
 * binding when it has one (libvirt's `ns0`), else a declaration on the root (`xmlns:qemu`), else on
 * the node itself.
 */
import type { Attr, Document, Element } from '@xmldom/xmldom';
import {
  childElements,
  isElement,
  isNamespaceDeclaration,
  XML_NAMESPACE,
  XMLNS_NAMESPACE,
} from './node-kinds.js';

/** prefix ('' = default namespace) -> URI ('' = no namespace) */
type Scope = Map<string, string>;

function declarationsOf(element: Element, scope: Scope): void {
  for (const attr of Array.from(element.attributes)) {
    if (isNamespaceDeclaration(attr))
      scope.set(attr.prefix === null ? '' : (attr.localName ?? ''), attr.value);
  }
}

/** The bindings in scope at an element of the document (nearest declaration wins). */
export function namespacesInScope(element: Element): Scope {
  const chain: Element[] = [];
  for (
    let node: Element | null = element;
    node !== null;
    node = isElement(node.parentNode) ? node.parentNode : null
  )
    chain.unshift(node);
  const scope: Scope = new Map([['', '']]);
  for (const node of chain) declarationsOf(node, scope);
  return scope;
}

function prefixFor(uri: string, scope: Scope, allowDefault: boolean): string | undefined {
  for (const [prefix, bound] of scope)
    if (bound === uri && (allowDefault || prefix !== '')) return prefix;
  return undefined;
}

function qualified(prefix: string, localName: string): string {
  return prefix === '' ? localName : `${prefix}:${localName}`;
}

/** Bind `prefix` to `uri`: on the root when the prefix is free everywhere above, else on `element`. */
function declare(
  prefix: string,
  uri: string,
  element: Element,
  scope: Scope,
  document: Document,
): void {
  const root = document.documentElement;
  const onRoot = prefix !== '' && !scope.has(prefix) && root !== null;
  const holder = onRoot && root !== null ? root : element;
  holder.setAttributeNS(XMLNS_NAMESPACE, prefix === '' ? 'xmlns' : `xmlns:${prefix}`, uri);
  scope.set(prefix, uri);
}

function bindAttribute(attr: Attr, element: Element, scope: Scope, document: Document): void {
  const uri = attr.namespaceURI;
  if (uri === null || uri === XML_NAMESPACE || isNamespaceDeclaration(attr)) return;
  const wanted = attr.prefix ?? '';
  if (wanted !== '' && scope.get(wanted) === uri) return;
  let prefix = prefixFor(uri, scope, false);
  if (prefix === undefined) {
    prefix = wanted !== '' && !scope.has(wanted) ? wanted : freePrefix(scope);
    declare(prefix, uri, element, scope, document);
  }
  if (prefix === wanted) return;
  element.removeAttributeNode(attr);
  element.setAttributeNS(uri, qualified(prefix, attr.localName ?? attr.name), attr.value);
}

function freePrefix(scope: Scope): string {
  let n = 0;
  while (scope.has(`ns${n}`)) n += 1;
  return `ns${n}`;
}

/** Element renamed to `prefix`, children and attributes moved over. */
function renamed(element: Element, prefix: string, document: Document): Element {
  const copy = document.createElementNS(
    element.namespaceURI,
    qualified(prefix, element.localName ?? element.tagName),
  );
  for (const attr of Array.from(element.attributes))
    copy.setAttributeNS(attr.namespaceURI, attr.name, attr.value);
  while (element.firstChild !== null) copy.appendChild(element.firstChild);
  element.parentNode?.replaceChild(copy, element);
  return copy;
}

function bindElement(element: Element, outer: Scope, document: Document): Element {
  const scope: Scope = new Map(outer);
  declarationsOf(element, scope);
  let result = element;
  const uri = element.namespaceURI ?? '';
  const wanted = element.prefix ?? '';
  if (scope.get(wanted) !== uri) {
    const existing = uri === '' ? undefined : prefixFor(uri, scope, true);
    if (existing !== undefined) result = renamed(element, existing, document);
    else if (uri === '' || wanted === '') declare('', uri, result, scope, document);
    else declare(wanted, uri, result, scope, document);
  }
  for (const attr of Array.from(result.attributes)) bindAttribute(attr, result, scope, document);
  for (const child of childElements(result)) bindElement(child, scope, document);
  return result;
}

/**
 * Make an element about to be inserted under `parent` (or standing there already) well-bound;
 * returns the element to insert.
 */
export function bindInsertedNamespaces(
  element: Element,
  parent: Element,
  document: Document,
): Element {
  return bindElement(element, namespacesInScope(parent), document);
}

/** Bind the prefixes of an element's attributes after one was set on it in place. */
export function bindAttributes(element: Element, document: Document): void {
  const scope = namespacesInScope(element);
  for (const attr of Array.from(element.attributes)) bindAttribute(attr, element, scope, document);
}
