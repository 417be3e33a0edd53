/**
 * Parse a `value` XML fragment once, at load time, inside a wrapper that declares the document's
 * namespace prefixes.
 */
import type { Node } from '@xmldom/xmldom';
import { fail, ok, type Outcome } from '../errors.js';
import { DEFAULT_LIMITS } from '../limits.js';
import { QEMU_NAMESPACE, type Namespaces } from './namespace-bindings.js';
import { xmlDeeperThan } from '../nesting-depth.js';
import { childElements, childNodes, isElement, isNamespaceDeclaration } from './node-kinds.js';
import { hasDoctype, parseStrict } from './parse-xml.js';
import { escapeAttribute } from './serialize-xml.js';

export interface XmlFragment {
  readonly source: string;
  /** the top-level nodes (elements, text, comments) as parsed; `$(name)` still literal in text and attribute values */
  readonly nodes: readonly Node[];
}

const WRAPPER = 'hookpatch-fragment';
const NCNAME = /^[A-Za-z_][\w.-]*$/;

/**
 * Prefixes in `value` resolve with the document's `namespaces` and the predefined `qemu`
 * (docs/documents.md#how-operations-behave).
 */
function wrapperStart(namespaces: Namespaces): string {
  const declared: Record<string, string> = { qemu: QEMU_NAMESPACE, ...namespaces };
  const declarations = Object.entries(declared)
    .filter(
      ([prefix, uri]) =>
        NCNAME.test(prefix) && !prefix.toLowerCase().startsWith('xml') && uri !== '',
    )
    .map(([prefix, uri]) => ` xmlns:${prefix}="${escapeAttribute(uri)}"`);
  return `<${WRAPPER}${declarations.join('')}>`;
}

/** Errors: FRAGMENT_MALFORMED, DOCTYPE_REFUSED, UNKNOWN_PREFIX, LIMIT_EXCEEDED (nested too deep). */
export function parseFragment(source: string, namespaces: Namespaces): Outcome<XmlFragment> {
  if (hasDoctype(source))
    return fail('DOCTYPE_REFUSED', 'the XML fragment has a <!DOCTYPE>; DTDs are refused');
  if (xmlDeeperThan(source, DEFAULT_LIMITS.maxDepth))
    return fail(
      'LIMIT_EXCEEDED',
      `the XML fragment nests elements more than ${DEFAULT_LIMITS.maxDepth} deep`,
    );
  const start = wrapperStart(namespaces);
  const parsed = parseStrict(`${start}${source}</${WRAPPER}>`);
  if (!parsed.ok) {
    const { message, at: found } = parsed.problem;
    // the wrapper's start tag sits on the fragment's first line: shift columns there back
    const at =
      found === undefined || found.line > 1
        ? found
        : { line: 1, column: Math.max(1, found.column - start.length) };
    if (/prefix is non-null and namespace is null|unbound|not declared/i.test(message)) {
      const undeclared = 'the XML fragment uses a namespace prefix not declared in namespaces';
      return fail('UNKNOWN_PREFIX', undeclared, at);
    }
    return fail('FRAGMENT_MALFORMED', `the XML fragment is not well-formed: ${message}`, at);
  }
  const wrapper = parsed.value.documentElement;
  if (wrapper === null) return fail('FRAGMENT_MALFORMED', 'the XML fragment is not well-formed');
  const undeclared = childElements(wrapper).map(emptyPrefixDeclaration).find(Boolean);
  if (undeclared !== undefined)
    return fail(
      'FRAGMENT_MALFORMED',
      `the XML fragment declares ${undeclared}="": Namespaces in XML 1.0 cannot bind a prefix to no namespace`,
    );
  return ok({ source, nodes: childNodes(wrapper) });
}

/** The first `xmlns:p=""` in an element's subtree (XML 1.1 may undeclare a prefix; XML 1.0, libvirt's, may not). */
function emptyPrefixDeclaration(element: Node): string | undefined {
  if (!isElement(element)) return undefined;
  for (const attr of Array.from(element.attributes))
    if (isNamespaceDeclaration(attr) && attr.prefix !== null && attr.value === '') return attr.name;
  for (const child of childElements(element)) {
    const found = emptyPrefixDeclaration(child);
    if (found !== undefined) return found;
  }
  return undefined;
}
