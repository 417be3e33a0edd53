/**
 * Compile one RFC 5261 operation element (`<add>`, `<replace>`, `<remove>`) into an engine
 * operation that keeps RFC semantics.
 */
import type { Element } from '@xmldom/xmldom';
import { ok, type Location, type Outcome } from '../errors.js';
import type { Namespaces, XmlOperation } from '../model.js';
import { compileXPath, type CompiledXPath } from '../xml/compile-xpath.js';
import { namespacesInScope } from '../xml/declare-namespace.js';
import { childNodes, isBlankText, isText } from '../xml/node-kinds.js';
import { serializeXml } from '../xml/serialize-xml.js';
import { addDirective, addPosition } from './compile-xml-patch-add.js';
import {
  xmlPatchFailure,
  type WhitespaceDirective,
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

/** What every operation has: its place, and `sel` compiled with the content it carries. */
interface Selected {
  readonly common: Pick<XmlOperation, 'index' | 'at'> & {
    readonly count: 1;
    readonly path: CompiledXPath;
  };
  readonly base: XmlPatchDirective;
  readonly namespaces: Namespaces;
}

/** `sel` compiled against the prefixes in scope, and the element's content as the directive's base. */
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
  const content = childNodes(element);
  const base: XmlPatchDirective = {
    content,
    text: content
      .filter(isText)
      .map((node) => node.data)
      .join(''),
    ...(namespaceStep?.[2] === undefined ? {} : { namespacePrefix: namespaceStep[2] }),
  };
  // the path as written names the operation in reports and errors, `namespace::` step included
  const common = { index, at, count: 1 as const, path: { ...path.value, source: sel } };
  return ok({ common, base, namespaces: namespaces.value });
}

/** Errors carry `rfc5261`; the caller places them at the element. */
export function compileXmlPatchOperation(
  element: Element,
  index: number,
  at: Location,
): Outcome<XmlOperation> {
  const op = element.localName;
  if (op !== 'add' && op !== 'replace' && op !== 'remove')
    return xmlPatchFailure(
      'UNKNOWN_OP',
      'invalid-diff-format',
      `<${element.tagName}> is not add, replace or remove`,
    );
  const selected = select(element, op, index, at);
  if (!selected.ok) return selected;
  const { common, base } = selected.value;
  const content = base.content;
  const value = { source: content.map((node) => serializeXml(node)).join(''), nodes: content };
  switch (op) {
    case 'add': {
      const position = addPosition(attribute(element, 'pos'));
      if (!position.ok) return position;
      const written = { type: attribute(element, 'type'), pos: attribute(element, 'pos') };
      const directive = addDirective(written, base, selected.value.namespaces);
      if (!directive.ok) return directive;
      const once = false;
      return ok({
        ...common,
        op,
        value,
        position: position.value,
        optional: false,
        once,
        rfc5261: directive.value,
      });
    }
    case 'replace':
      return ok({
        ...common,
        op,
        value: { text: base.text, fragment: value },
        optional: false,
        rfc5261: base,
      });
    case 'remove':
      return removeOperation(common, attribute(element, 'ws'), base);
  }
}

/** RFC 5261 §4.5: `<remove>` has no content; `ws` also removes the whitespace beside the node. */
function removeOperation(
  common: Selected['common'],
  ws: string | undefined,
  base: XmlPatchDirective,
): Outcome<XmlOperation> {
  const directive = WHITESPACE.find((candidate) => candidate === ws);
  if (ws !== undefined && directive === undefined)
    return xmlPatchFailure(
      'SCHEMA_VIOLATION',
      'invalid-attribute-value',
      `ws="${ws}": expected before, after or both`,
    );
  if (base.content.some((node) => !isBlankText(node)))
    return xmlPatchFailure('SCHEMA_VIOLATION', 'invalid-diff-format', '<remove> has no content');
  return ok({
    ...common,
    op: 'remove',
    rfc5261: directive === undefined ? base : { ...base, ws: directive },
  });
}
