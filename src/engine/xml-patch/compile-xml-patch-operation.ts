/**
 * Compile one RFC 5261 operation element (`<add>`, `<replace>`, `<remove>`) into an XmlPatchOperation,
 * which keeps RFC semantics.
 */
import type { Element } from '@xmldom/xmldom';
import { ok, type Location, type Outcome } from '../errors.js';
import type { Namespaces, XmlPatchOperation } from '../model.js';
import { compileXPath } from '../xml/compile-xpath.js';
import { namespacesInScope } from '../xml/declare-namespace.js';
import { childNodes, isBlankText, isText } from '../xml/node-kinds.js';
import { addDirective } from './compile-xml-patch-add.js';
import {
  xmlPatchFailure,
  type WhitespaceDirective,
  type XmlPatchContent,
  type XmlPatchDirective,
} from './xml-patch-directive.js';

/**
 * `…/namespace::p`: the engine's XPath has no namespace nodes, so the last step is resolved against
 * the element's declarations.
 */
const NAMESPACE_STEP = /^(.*)\/namespace::([A-Za-z_][\w.-]*)$/;
const WHITESPACE: readonly WhitespaceDirective[] = ['before', 'after', 'both'];

function attribute(element: Element, name: string): string | undefined {
  return element.hasAttribute(name) ? (element.getAttribute(name) ?? '') : undefined;
}

/**
 * RFC 5261 §4.2.1: prefixes in `sel` are those declared in scope of the operation element, and an
 * unprefixed name means the in-scope default namespace — which XPath 1.0 cannot express, so a
 * default namespace there is refused rather than silently read as "no namespace".
 */
function selectorNamespaces(element: Element): Outcome<Namespaces> {
  const scope = namespacesInScope(element);
  if ((scope.get('') ?? '') !== '') {
    return xmlPatchFailure(
      'SCHEMA_VIOLATION',
      'invalid-diff-format',
      'a default namespace is declared in scope of the operation, so unprefixed names in sel ' +
        'would mean it (RFC 5261 §4.2.1); bind a prefix to it instead',
    );
  }
  return ok(Object.fromEntries([...scope].filter(([prefix]) => prefix !== '')));
}

/** What every operation has: its place and `sel` compiled; and the element's content. */
interface Selected {
  readonly common: Omit<XmlPatchOperation, 'op' | 'directive'>;
  readonly content: XmlPatchContent;
  readonly namespaces: Namespaces;
}

/** `sel` compiled against the prefixes in scope, and the element's content. */
function select(element: Element, op: string, index: number, at: Location): Outcome<Selected> {
  const sel = attribute(element, 'sel');
  if (sel === undefined)
    return xmlPatchFailure('MISSING_FIELD', 'invalid-diff-format', `<${op}> needs a sel attribute`);
  const namespaces = selectorNamespaces(element);
  if (!namespaces.ok) return namespaces;
  const namespaceStep = NAMESPACE_STEP.exec(sel);
  const path = compileXPath(namespaceStep?.[1] ?? sel, namespaces.value);
  if (!path.ok) {
    const unknownPrefix = path.problem.code === 'UNKNOWN_PREFIX';
    return {
      ok: false,
      problem: {
        ...path.problem,
        rfc5261: unknownPrefix ? 'invalid-namespace-prefix' : 'invalid-diff-format',
      },
    };
  }
  const nodes = childNodes(element);
  const content: XmlPatchContent = {
    content: nodes,
    text: nodes
      .filter(isText)
      .map((node) => node.data)
      .join(''),
  };
  // the path as written names the operation in reports and errors, `namespace::` step included
  const common = {
    index,
    at,
    path: { ...path.value, source: sel },
    ...(namespaceStep?.[2] === undefined ? {} : { namespacePrefix: namespaceStep[2] }),
  };
  return ok({ common, content, namespaces: namespaces.value });
}

/** The directive of the element named `op`: what its attributes and content make of it. */
function directiveOf(
  element: Element,
  op: XmlPatchDirective['op'],
  selected: Selected,
): Outcome<XmlPatchDirective> {
  switch (op) {
    case 'add': {
      const written = { type: attribute(element, 'type'), pos: attribute(element, 'pos') };
      return addDirective(written, selected.content, selected.namespaces);
    }
    case 'replace':
      return ok({ op, ...selected.content });
    case 'remove':
      return removeDirective(attribute(element, 'ws'), selected.content);
  }
}

/** Errors carry `rfc5261`; the caller places them at the element. */
export function compileXmlPatchOperation(
  element: Element,
  index: number,
  at: Location,
): Outcome<XmlPatchOperation> {
  const op = element.localName;
  if (op !== 'add' && op !== 'replace' && op !== 'remove')
    return xmlPatchFailure(
      'UNKNOWN_OP',
      'invalid-diff-format',
      `<${element.tagName}> is not add, replace or remove`,
    );
  const selected = select(element, op, index, at);
  if (!selected.ok) return selected;
  const directive = directiveOf(element, op, selected.value);
  if (!directive.ok) return directive;
  return ok({ ...selected.value.common, op: 'xml-patch', directive: directive.value });
}

/** RFC 5261 §4.5: `<remove>` has no content; `ws` also removes the whitespace beside the node. */
function removeDirective(
  ws: string | undefined,
  { content }: XmlPatchContent,
): Outcome<XmlPatchDirective> {
  const directive = WHITESPACE.find((candidate) => candidate === ws);
  if (ws !== undefined && directive === undefined)
    return xmlPatchFailure(
      'SCHEMA_VIOLATION',
      'invalid-attribute-value',
      `ws="${ws}": expected before, after or both`,
    );
  if (content.some((node) => !isBlankText(node)))
    return xmlPatchFailure('SCHEMA_VIOLATION', 'invalid-diff-format', '<remove> has no content');
  return ok(directive === undefined ? { op: 'remove' } : { op: 'remove', ws: directive });
}
