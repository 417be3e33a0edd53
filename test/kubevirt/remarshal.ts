/**
 * What virt-launcher does to a domain between two OnDefineDomain calls (KubeVirt's hook manager
 * unmarshals the reply into its DomainSpec and `xml.MarshalIndent`s it again), emulated from the
 * engine's DomainSpec table: comments and everything the struct does not model are dropped
 * (`<qemu:commandline>` included), the struct's always-written elements and attributes appear
 * (`<interface>` gets `<source></source>`), repeated singular elements merge, attributes and
 * children come back in struct order, numbers normalised, `<x></x>` for empty elements, tab
 * indentation, Go's escapes, and `xmlns:qemu` only on the root. Throws where KubeVirt's unmarshal
 * would fail (a number that is not one), as the call would.
 */
import type { Element } from '@xmldom/xmldom';
import {
  childModel,
  elementModel,
  type ChildModel,
  type ElementModel,
} from '../../src/engine/kubevirt/domain-model.js';
import { DOMAIN_SPEC_ROOT } from '../../src/engine/kubevirt/domain-spec.js';
import { QEMU_NAMESPACE } from '../../src/engine/model.js';
import {
  childNodes,
  isElement,
  isNamespaceDeclaration,
  isText,
} from '../../src/engine/xml/node-kinds.js';
import { parseDomainXml } from '../../src/engine/xml/parse-xml.js';

/** A Go struct value: set attributes, children per field (a list, or one merged value), character data. */
interface GoValue {
  readonly attributes: Map<string, string>;
  readonly children: Map<string, GoValue[]>;
  text: string | undefined;
}

function emptyValue(): GoValue {
  return { attributes: new Map(), children: new Map(), text: undefined };
}

/** strconv.Parse{Int,Uint} after TrimSpace, as Go's unmarshal does; empty reads as 0. */
function goNumber(text: string, what: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '0';
  if (!/^[+-]?\d+$/.test(trimmed)) throw new Error(`KubeVirt cannot unmarshal ${what}="${text}"`);
  return BigInt(trimmed).toString();
}

function unmarshal(element: Element, model: ElementModel, into: GoValue = emptyValue()): GoValue {
  for (const attr of Array.from(element.attributes)) {
    if (isNamespaceDeclaration(attr)) continue;
    const local = attr.localName ?? attr.name;
    const field = model.attributes.find((candidate) => candidate.name === local);
    if (field === undefined) continue;
    into.attributes.set(local, field.numeric ? goNumber(attr.value, local) : attr.value);
  }
  if (model.text !== 'none') {
    const data = childNodes(element)
      .filter(isText)
      .map((node) => node.data)
      .join('');
    into.text = model.text === 'number' ? goNumber(data, element.tagName) : data;
  }
  for (const child of childNodes(element).filter(isElement)) {
    const field = childModel(model, child);
    if (field === undefined) continue;
    const values = into.children.get(field.name) ?? [];
    into.children.set(field.name, values);
    if (field.many) values.push(unmarshal(child, field.model()));
    else values[0] = unmarshal(child, field.model(), values[0]);
  }
  return into;
}

/** Go's xml.EscapeText, which marshal uses for character data and attribute values alike. */
function goEscape(text: string): string {
  const escapes: Record<string, string> = {
    '"': '&#34;',
    "'": '&#39;',
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '\t': '&#x9;',
    '\n': '&#xA;',
    '\r': '&#xD;',
  };
  return text.replace(/["'&<>\t\n\r]/g, (c) => escapes[c] ?? c);
}

function isEmptyField(value: GoValue, model: ElementModel): boolean {
  // only a Go string or number field has an empty value; a set pointer to a struct is written
  if (model.text === 'none' || model.attributes.length > 0 || model.children.length > 0)
    return false;
  return model.text === 'number' ? (value.text ?? '0') === '0' : (value.text ?? '') === '';
}

function marshalAttributes(value: GoValue, model: ElementModel): string {
  let out = '';
  for (const field of model.attributes) {
    const set = value.attributes.get(field.name);
    const empty = field.numeric ? '0' : '';
    if (set === undefined && !field.always) continue;
    if (!field.always && set === empty) continue;
    out += ` ${field.name}="${goEscape(set ?? empty)}"`;
  }
  return out;
}

function marshalChildren(value: GoValue, model: ElementModel, indent: string): string[] {
  const lines: string[] = [];
  for (const field of model.children) {
    const values = value.children.get(field.name) ?? [];
    const childModelOf = field.model();
    if (values.length === 0 && field.always) values.push(emptyValue());
    for (const child of values) {
      // Go's omitempty on a string or number field; a pointer (a struct here) is written when set
      if (!field.always && isEmptyField(child, childModelOf)) continue;
      lines.push(marshal(child, field, indent));
    }
  }
  return lines;
}

function marshal(
  value: GoValue,
  field: Pick<ChildModel, 'name' | 'namespace' | 'model'>,
  indent: string,
  extra = '',
): string {
  const model = field.model();
  const xmlns = field.namespace === undefined ? '' : ` xmlns="${goEscape(field.namespace)}"`;
  const start = `${indent}<${field.name}${xmlns}${marshalAttributes(value, model)}${extra}>`;
  const text = model.text === 'none' ? '' : (value.text ?? (model.text === 'number' ? '0' : ''));
  const children = marshalChildren(value, model, `${indent}\t`);
  if (children.length === 0) return `${start}${goEscape(text)}</${field.name}>`;
  return `${start}\n${children.join('\n')}\n${indent}</${field.name}>`;
}

/** The domain as KubeVirt passes it to the next OnDefineDomain call. */
export function remarshal(xml: string): string {
  const parsed = parseDomainXml(xml);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  const root = parsed.value.documentElement;
  if (root === null || root.localName !== 'domain')
    throw new Error('KubeVirt cannot unmarshal a root other than <domain>');
  const model = elementModel(DOMAIN_SPEC_ROOT);
  // KubeVirt's defaults set DomainSpec.XmlNS before every marshal
  const extra = ` xmlns:qemu="${QEMU_NAMESPACE}"`;
  return marshal(
    unmarshal(root, model),
    { name: 'domain', namespace: undefined, model: () => model },
    '',
    extra,
  );
}
