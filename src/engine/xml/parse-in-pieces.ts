/**
 * A large domain parsed a piece at a time, a step each (steps.ts): at 200m CPU xmldom takes
 * ≈ 0.7 s of wall time over a 500 KB domain, longer than virt-launcher waits for Info. The text
 * without the contents of the root's large children is parsed first; then each content in pieces
 * of whole nodes (domain-pieces.ts), each under a stand-in element that declares the namespaces in
 * scope, its nodes moved into the element. Pieces of a well-formed text join into the very DOM a
 * whole parse gives; when any piece does not parse, the whole text is parsed, and its error is the
 * one reported.
 */
import type { Document, Element, Node } from '@xmldom/xmldom';
import { ok, type Outcome } from '../errors.js';
import { xmlDeeperThan } from '../nesting-depth.js';
import type { Steps } from '../steps.js';
import { domainPieces, type SplitElement } from './domain-pieces.js';
import { childElements, isElement, XMLNS_NAMESPACE } from './node-kinds.js';
import { hasDoctype, parseDomainXml, parseStrict } from './parse-xml.js';
import { escapeAttribute } from './serialize-xml.js';
import { detachChildren, spliceChildren } from './splice-children.js';

/** Characters of a piece: about 45 ms of wall time at 200m CPU. */
export const PIECE_CHARS = 32 * 1024;

/** The namespace declarations in scope at `element`, as attributes for a stand-in element. */
function declarations(element: Element): string {
  const declared = new Map<string, string>();
  for (let at: Node | null = element; isElement(at); at = at.parentNode) {
    for (const attribute of Array.from(at.attributes)) {
      if (attribute.namespaceURI === XMLNS_NAMESPACE && !declared.has(attribute.name))
        declared.set(attribute.name, attribute.value);
    }
  }
  return [...declared].map(([name, uri]) => ` ${name}="${escapeAttribute(uri)}"`).join('');
}

/** The subtree now belongs to `document`: xmldom keeps the owner on every node and attribute. */
function adopt(node: Node, document: Document): void {
  Object.assign(node, { ownerDocument: document });
  if (isElement(node))
    for (const attribute of Array.from(node.attributes))
      Object.assign(attribute, { ownerDocument: document });
  for (let child = node.firstChild; child !== null; child = child.nextSibling)
    adopt(child, document);
}

/** One piece of `element`'s content parsed and appended; false when it does not parse. */
function appendPiece(element: Element, text: string, document: Document): boolean {
  const piece = parseStrict(`<piece${declarations(element)}>${text}</piece>`, false);
  if (!piece.ok || piece.value.documentElement === null) return false;
  const nodes = detachChildren(piece.value.documentElement, piece.value);
  for (const node of nodes) adopt(node, document);
  spliceChildren(element, nodes, null, document);
  return true;
}

/** The text with the split elements' contents left out. */
function skeleton(text: string, split: readonly SplitElement[]): string {
  let kept = '';
  let from = 0;
  for (const element of split) {
    kept += text.slice(from, element.start);
    from = element.end;
  }
  return kept + text.slice(from);
}

function* fillElement(
  element: Element,
  text: string,
  split: SplitElement,
  document: Document,
): Steps<boolean> {
  const bounds = [split.start, ...split.cuts, split.end];
  for (let i = 0; i + 1 < bounds.length; i += 1) {
    yield;
    const piece = text.slice(bounds[i], bounds[i + 1]);
    if (!appendPiece(element, piece, document)) return false;
  }
  return true;
}

/**
 * Pieces are copies of their text: a run that cannot be cut (one huge text or comment) is parsed
 * with the whole text instead, which holds no copy — a 4 MiB domain must fit the 64M sidecar.
 */
const UNCUT_PIECES = 16;

/** Whether every piece, and what is left out of them, is short enough to copy. */
function cutFinely(text: string, split: readonly SplitElement[], pieceChars: number): boolean {
  let inPieces = 0;
  for (const element of split) {
    const bounds = [element.start, ...element.cuts, element.end];
    for (let i = 0; i + 1 < bounds.length; i += 1)
      if ((bounds[i + 1] ?? 0) - (bounds[i] ?? 0) > UNCUT_PIECES * pieceChars) return false;
    inPieces += element.end - element.start;
  }
  return split.length > 0 && text.length - inPieces <= UNCUT_PIECES * pieceChars;
}

/** The same result as parseDomainXml (xml/parse-xml.ts), in steps of about `pieceChars`. */
export function* parseDomainInPieces(
  text: string,
  maxDepth: number,
  pieceChars = PIECE_CHARS,
): Steps<Outcome<Document>> {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.length <= 2 * pieceChars || hasDoctype(body) || xmlDeeperThan(body, maxDepth))
    return parseDomainXml(text, maxDepth);
  yield;
  const split = domainPieces(body, pieceChars);
  if (!cutFinely(body, split, pieceChars)) return parseDomainXml(text, maxDepth);
  yield;
  const whole = parseStrict(skeleton(body, split), false);
  const root = whole.ok ? whole.value.documentElement : null;
  if (!whole.ok || root === null) return parseDomainXml(text, maxDepth);
  const children = childElements(root);
  for (const element of split) {
    const child = children[element.index];
    if (child === undefined) return parseDomainXml(text, maxDepth);
    const filled = yield* fillElement(child, body, element, whole.value);
    if (!filled) return parseDomainXml(text, maxDepth);
  }
  return ok(whole.value);
}
