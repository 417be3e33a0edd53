/** Compile one RFC 5261 operation element (`<add>`, `<replace>`, `<remove>`) into an engine operation that keeps RFC semantics. */
import type { Element } from '@xmldom/xmldom';
import { ok, type Location, type Outcome } from '../errors.js';
import type { AddPosition, Namespaces, XmlOperation } from '../model.js';
import { compileXPath } from '../xml/compile-xpath.js';
import { namespacesInScope } from '../xml/declare-namespace.js';
import { childNodes, isBlankText, isText, XML_NAMESPACE } from '../xml/node-kinds.js';
import { serializeXml } from '../xml/serialize-xml.js';
import {
  xmlPatchFailure,
  type AddType,
  type WhitespaceDirective,
  type XmlPatchDirective,
} from './xml-patch-directive.js';

/** `…/namespace::p`: the engine's XPath has no namespace nodes, so the last step is resolved against the element's declarations. */
const NAMESPACE_STEP = /^(.*)\/namespace::([A-Za-z_][\w.-]*)$/;
const NCNAME = /^[A-Za-z_][\w.-]*$/;
const QNAME = /^(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)$/;
const POSITIONS: readonly AddPosition[] = ['before', 'after', 'prepend'];
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
      'a default namespace is declared in scope of the operation, so unprefixed names in sel would mean it (RFC 5261 §4.2.1); bind a prefix to it instead',
    );
  }
  return ok(Object.fromEntries([...scope].filter(([prefix]) => prefix !== '')));
}

/** RFC 5261 §4.3: `type="@name"` or `type="namespace::prefix"`. */
function addType(type: string, namespaces: Namespaces): Outcome<AddType> {
  if (type.startsWith('namespace::')) {
    const prefix = type.slice('namespace::'.length);
    if (!NCNAME.test(prefix) || prefix.toLowerCase().startsWith('xml'))
      return xmlPatchFailure(
        'SCHEMA_VIOLATION',
        'invalid-namespace-prefix',
        `type ${type}: not a namespace prefix that can be declared`,
      );
    return ok({ kind: 'namespace', prefix });
  }
  const name = QNAME.exec(type.startsWith('@') ? type.slice(1) : '');
  if (name === null)
    return xmlPatchFailure(
      'SCHEMA_VIOLATION',
      'invalid-attribute-value',
      `type ${type}: expected @name or namespace::prefix`,
    );
  const [, prefix, local] = name;
  if (prefix === 'xmlns' || (prefix === undefined && local === 'xmlns'))
    return xmlPatchFailure(
      'SCHEMA_VIOLATION',
      'invalid-attribute-value',
      'namespace declarations are added with type="namespace::prefix"',
    );
  if (prefix === undefined)
    return ok({ kind: 'attribute', namespaceURI: null, qualifiedName: type.slice(1) });
  const uri = prefix === 'xml' ? XML_NAMESPACE : namespaces[prefix];
  if (uri === undefined)
    return xmlPatchFailure(
      'UNKNOWN_PREFIX',
      'invalid-namespace-prefix',
      `type ${type}: the prefix ${prefix} is not declared`,
    );
  return ok({ kind: 'attribute', namespaceURI: uri, qualifiedName: type.slice(1) });
}

function addDirective(
  element: Element,
  base: XmlPatchDirective,
  namespaces: Namespaces,
): Outcome<XmlPatchDirective> {
  const type = attribute(element, 'type');
  if (type === undefined) return ok(base);
  const parsed = addType(type, namespaces);
  if (!parsed.ok) return parsed;
  if (attribute(element, 'pos') !== undefined)
    return xmlPatchFailure(
      'SCHEMA_VIOLATION',
      'invalid-attribute-value',
      'pos has no meaning when type adds an attribute or a namespace',
    );
  if (base.content.some((node) => !isText(node)))
    return xmlPatchFailure(
      'WRONG_NODE_TYPE',
      'invalid-node-types',
      `type ${type} takes text content only`,
    );
  if (parsed.value.kind === 'namespace' && base.text === '')
    return xmlPatchFailure(
      'SCHEMA_VIOLATION',
      'invalid-namespace-uri',
      'a namespace declaration needs a URI',
    );
  return ok({ ...base, type: parsed.value });
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
  const sel = attribute(element, 'sel');
  if (sel === undefined)
    return xmlPatchFailure('MISSING_FIELD', 'invalid-diff-format', `<${op}> needs a sel attribute`);
  const namespaces = selectorNamespaces(element);
  if (!namespaces.ok) return namespaces;
  const namespaceStep = NAMESPACE_STEP.exec(sel);
  const path = compileXPath(namespaceStep?.[1] ?? sel, namespaces.value);
  if (!path.ok)
    return {
      ok: false,
      problem: {
        ...path.problem,
        rfc5261:
          path.problem.code === 'UNKNOWN_PREFIX'
            ? 'invalid-namespace-prefix'
            : 'invalid-diff-format',
      },
    };
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
  const common = { index, at, count: 1, path: { ...path.value, source: sel } };
  const value = { source: content.map((node) => serializeXml(node)).join(''), nodes: content };
  switch (op) {
    case 'add': {
      const pos = attribute(element, 'pos');
      const position = POSITIONS.find((candidate) => candidate === pos);
      if (pos !== undefined && position === undefined)
        return xmlPatchFailure(
          'SCHEMA_VIOLATION',
          'invalid-attribute-value',
          `pos="${pos}": expected before, after or prepend`,
        );
      const directive = addDirective(element, base, namespaces.value);
      if (!directive.ok) return directive;
      return ok({
        ...common,
        op,
        value,
        position: position ?? 'append',
        optional: false,
        once: false,
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
    case 'remove': {
      const ws = attribute(element, 'ws');
      const directive = WHITESPACE.find((candidate) => candidate === ws);
      if (ws !== undefined && directive === undefined)
        return xmlPatchFailure(
          'SCHEMA_VIOLATION',
          'invalid-attribute-value',
          `ws="${ws}": expected before, after or both`,
        );
      if (content.some((node) => !isBlankText(node)))
        return xmlPatchFailure(
          'SCHEMA_VIOLATION',
          'invalid-diff-format',
          '<remove> has no content',
        );
      return ok({
        ...common,
        op,
        rfc5261: directive === undefined ? base : { ...base, ws: directive },
      });
    }
  }
}
