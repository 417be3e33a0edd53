/**
 * Load an RFC 5261 XML patch document (`<diff>` with `add`/`replace`/`remove`) as one PatchDocument
 * whose operations keep RFC semantics.
 */
import type { Element } from '@xmldom/xmldom';
import { locate, type Location, type PatchError } from '../errors.js';
import type { Limits } from '../limits.js';
import {
  QEMU_NAMESPACE,
  type LoadResult,
  type PatchDocument,
  type SourceInfo,
  type XmlOperation,
} from '../model.js';
import { xmlDeeperThan } from '../nesting-depth.js';
import { namespacesInScope } from '../xml/declare-namespace.js';
import {
  childNodes,
  isBlankText,
  isComment,
  isElement,
  isProcessingInstruction,
} from '../xml/node-kinds.js';
import { hasDoctype, parseStrict } from '../xml/parse-xml.js';
import { compileXmlPatchOperation } from './compile-xml-patch-operation.js';

/**
 * YAML and JSON documents never start with `<`, XML always does (after an optional byte order mark
 * and blank lines).
 */
export function isXmlPatchText(text: string): boolean {
  return /^\uFEFF?\s*</.test(text);
}

const utf8 = new TextEncoder();

function placeOf(node: { readonly lineNumber?: number; readonly columnNumber?: number }): {
  line?: number;
  column?: number;
} {
  return {
    ...(node.lineNumber === undefined ? {} : { line: node.lineNumber }),
    ...(node.columnNumber === undefined ? {} : { column: node.columnNumber }),
  };
}

function failed(error: PatchError): LoadResult {
  return { documents: [], errors: [error] };
}

/** Every operation element of the root, compiled; every error of the document at once. */
function compileOperations(
  root: Element,
  document: Location,
): { operations: XmlOperation[]; errors: PatchError[] } {
  const operations: XmlOperation[] = [];
  const errors: PatchError[] = [];
  for (const node of childNodes(root)) {
    if (isComment(node) || isProcessingInstruction(node) || isBlankText(node)) continue;
    const index = operations.length + errors.length;
    if (!isElement(node)) {
      errors.push({
        code: 'SCHEMA_VIOLATION',
        message: '<invalid-diff-format>: text between operations',
        rfc5261: 'invalid-diff-format',
        location: { ...document, ...placeOf(node) },
      });
      continue;
    }
    const at: Location = {
      ...document,
      ...placeOf(node),
      list: 'domain',
      operation: index,
      op: node.localName ?? node.tagName,
      path: node.getAttribute('sel') ?? '',
    };
    const compiled = compileXmlPatchOperation(node, index, at);
    if (compiled.ok) operations.push(compiled.value);
    else errors.push(locate(compiled.problem, at));
  }
  return { operations, errors };
}

/** The `<diff>` element, or why the text is not one: refused, too deep, not well-formed or empty. */
function parseDiff(text: string, where: Location, limits: Limits): Element | PatchError {
  if (hasDoctype(text))
    return {
      code: 'DOCTYPE_REFUSED',
      message: 'the XML patch document has a <!DOCTYPE>; DTDs are refused',
      location: where,
    };
  // DOM walks recurse: refuse a deep document before the parser builds it
  if (xmlDeeperThan(text, limits.maxDepth))
    return {
      code: 'LIMIT_EXCEEDED',
      message: `the XML patch document nests elements more than ${limits.maxDepth} deep`,
      location: where,
    };
  const parsed = parseStrict(text.startsWith('\uFEFF') ? text.slice(1) : text);
  if (!parsed.ok) {
    const { message, at } = parsed.problem;
    return {
      code: 'FRAGMENT_MALFORMED',
      message: `the XML patch document is not well-formed: ${message}`,
      rfc5261: 'invalid-diff-format',
      location: { ...where, ...at },
    };
  }
  return (
    parsed.value.documentElement ?? {
      code: 'FRAGMENT_MALFORMED',
      message: 'the XML patch document has no root element',
      rfc5261: 'invalid-diff-format',
      location: where,
    }
  );
}

/** `name` is the derived document name (`patch.xml#0`); RFC 5261 documents have no name of their own. */
export function loadXmlPatch(
  text: string,
  info: SourceInfo,
  name: string,
  limits: Limits,
): LoadResult {
  // placed at the start unless a better place is known: every load error has a line and column
  const where: Location = { source: info.source, line: 1, column: 1, document: name };
  const diff = parseDiff(text, where, limits);
  if ('code' in diff) return failed(diff);
  const root = diff;
  const at: Location = { ...where, ...placeOf(root) };
  if (
    root.childNodes.length > limits.maxOperations &&
    childNodes(root).filter(isElement).length > limits.maxOperations
  ) {
    return failed({
      code: 'LIMIT_EXCEEDED',
      message: `more than ${limits.maxOperations} operations in one patch source`,
      location: at,
    });
  }
  const { operations, errors } = compileOperations(root, at);
  if (errors.length > 0) return { documents: [], errors };
  const declared = Object.fromEntries(
    [...namespacesInScope(root)].filter(([prefix]) => prefix !== ''),
  );
  const document: PatchDocument = {
    name,
    origin: info.origin,
    at,
    bytes: utf8.encode(text).length,
    failurePolicy: 'Fail',
    namespaces: { qemu: QEMU_NAMESPACE, ...declared },
    vars: [],
    domain: operations,
    cloudInit: [],
    userData: [],
    networkData: [],
    warnings: [],
  };
  return { documents: [document], errors: [] };
}
