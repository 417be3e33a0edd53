/** RFC 5261 `<add>`: where it inserts (`pos`), and what (`type`: nodes, an attribute or a namespace declaration). */
import { ok, type Outcome } from '../errors.js';
import type { Namespaces } from '../model.js';
import { isText, XML_NAMESPACE } from '../xml/node-kinds.js';
import {
  xmlPatchFailure,
  type AddType,
  type XmlPatchAdd,
  type XmlPatchContent,
  type XmlPatchPosition,
} from './xml-patch-directive.js';

const NCNAME = /^[A-Za-z_][\w.-]*$/;
const QNAME = /^(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)$/;
const POSITIONS: readonly XmlPatchPosition[] = ['before', 'after', 'prepend'];

/** RFC 5261 §4.3: `pos="before|after|prepend"`; absent, the content is appended to the selected element. */
function addPosition(pos: string | undefined): Outcome<XmlPatchPosition> {
  if (pos === undefined) return ok('append');
  const position = POSITIONS.find((candidate) => candidate === pos);
  if (position === undefined)
    return xmlPatchFailure(
      'SCHEMA_VIOLATION',
      'invalid-attribute-value',
      `pos="${pos}": expected before, after or prepend`,
    );
  return ok(position);
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

/** The `<add>`'s directive: its content, where it goes (`pos`), and what `type` makes of it. */
export function addDirective(
  written: { readonly type: string | undefined; readonly pos: string | undefined },
  base: XmlPatchContent,
  namespaces: Namespaces,
): Outcome<XmlPatchAdd> {
  const position = addPosition(written.pos);
  if (!position.ok) return position;
  const add: XmlPatchAdd = { op: 'add', ...base, position: position.value };
  const { type } = written;
  if (type === undefined) return ok(add);
  const parsed = addType(type, namespaces);
  if (!parsed.ok) return parsed;
  if (written.pos !== undefined)
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
  return ok({ ...add, type: parsed.value });
}
