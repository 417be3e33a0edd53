/**
 * Element equality through KubeVirt's re-marshal: whether a standing element is what a fragment
 * element becomes after virt-launcher unmarshals it into its DomainSpec and marshals it again.
 * What the struct does not model may be missing (if it is there, it must be equal); what the
 * struct always writes (`<source></source>`, `unit=""`) may be extra; numbers compare as numbers.
 * Comments never count. Without a model (outside a domain's modelled part) elements must be equal.
 */
import type { Attr, Element } from '@xmldom/xmldom';
import { childNodes, isElement, isNamespaceDeclaration, isText } from '../xml/node-kinds.js';
import { childModel, type AttributeModel, type ElementModel } from './domain-model.js';

function nameKey(node: Element | Attr): string {
  return `${node.namespaceURI ?? ''} ${node.localName ?? node.nodeName}`;
}

function attributesOf(element: Element): Map<string, Attr> {
  const map = new Map<string, Attr>();
  for (const attr of Array.from(element.attributes))
    if (!isNamespaceDeclaration(attr)) map.set(nameKey(attr), attr);
  return map;
}

function fieldOf(model: ElementModel, attr: Attr): AttributeModel | undefined {
  const local = attr.localName ?? attr.name;
  return model.attributes.find((field) => field.name === local);
}

/** Go reads `007` and `+7` as 7 and writes `7`. */
function sameNumber(a: string, b: string): boolean {
  const number = /^\s*[+-]?\d+\s*$/;
  if (!number.test(a) || !number.test(b)) return a === b;
  return BigInt(a.trim() === '' ? '0' : a.trim()) === BigInt(b.trim() === '' ? '0' : b.trim());
}

function isZero(value: string, field: AttributeModel): boolean {
  return field.numeric ? sameNumber(value, '0') : value === '';
}

function attributesKept(
  standing: Element,
  wanted: Element,
  model: ElementModel | undefined,
): boolean {
  const have = attributesOf(standing);
  const want = attributesOf(wanted);
  for (const [key, attr] of want) {
    const field = model === undefined ? undefined : fieldOf(model, attr);
    const has = have.get(key);
    if (has !== undefined) {
      if (field?.numeric === true ? !sameNumber(has.value, attr.value) : has.value !== attr.value)
        return false;
    } else if (
      model === undefined ||
      (field !== undefined && (field.always || !isZero(attr.value, field)))
    ) {
      // missing, and neither unmodelled nor an empty value Go omits
      return false;
    }
  }
  for (const [key, attr] of have) {
    if (want.has(key)) continue;
    const field = model === undefined ? undefined : fieldOf(model, attr);
    if (field === undefined || !field.always || !isZero(attr.value, field)) return false;
  }
  return true;
}

/** The element's own character data; layout (whitespace only) counts as none. */
function textOf(element: Element): string {
  const text = childNodes(element)
    .filter(isText)
    .map((node) => node.data)
    .join('');
  return /^[ \t\r\n]*$/.test(text) ? '' : text;
}

function textKept(standing: Element, wanted: Element, model: ElementModel | undefined): boolean {
  const have = textOf(standing);
  const want = textOf(wanted);
  if (model?.text === 'number')
    return sameNumber(have === '' ? '0' : have, want === '' ? '0' : want);
  if (model?.text === 'none') return have === '' || have === want;
  return have === want;
}

/** An element exactly as the struct writes an unset always-written field. */
function isStructDefault(element: Element, model: ElementModel): boolean {
  const text = textOf(element);
  if (text !== '' && !(model.text === 'number' && sameNumber(text, '0'))) return false;
  for (const attr of attributesOf(element).values()) {
    const field = fieldOf(model, attr);
    if (field === undefined || !field.always || !isZero(attr.value, field)) return false;
  }
  return childNodes(element)
    .filter(isElement)
    .every((child) => {
      const field = childModel(model, child);
      return field !== undefined && field.always && isStructDefault(child, field.model());
    });
}

/** Child elements by expanded name, in document order. */
export function elementGroups(nodes: readonly Element[]): Map<string, Element[]> {
  const groups = new Map<string, Element[]>();
  for (const node of nodes) {
    const key = nameKey(node);
    const group = groups.get(key) ?? [];
    group.push(node);
    groups.set(key, group);
  }
  return groups;
}

function childrenKept(
  standing: Element,
  wanted: Element,
  model: ElementModel | undefined,
): boolean {
  const have = elementGroups(childNodes(standing).filter(isElement));
  const want = elementGroups(childNodes(wanted).filter(isElement));
  for (const [key, wantedGroup] of want) {
    const first = wantedGroup[0];
    const field = model === undefined || first === undefined ? undefined : childModel(model, first);
    const haveGroup = have.get(key) ?? [];
    // what the struct does not model is dropped between calls: it may be missing, not different
    if (model !== undefined && field === undefined && haveGroup.length === 0) continue;
    const inner = field?.model();
    if (
      haveGroup.length !== wantedGroup.length ||
      !haveGroup.every((node, i) => {
        const other = wantedGroup[i];
        return other !== undefined && keptEqual(node, other, inner);
      })
    )
      return false;
  }
  for (const [key, haveGroup] of have) {
    if (want.has(key)) continue;
    if (model === undefined) return false;
    // extra: only what the struct writes when unset
    const added = haveGroup.every((node) => {
      const field = childModel(model, node);
      return field !== undefined && field.always && isStructDefault(node, field.model());
    });
    if (!added) return false;
  }
  return true;
}

/** Whether `standing` is `wanted` as KubeVirt's re-marshal may have left it; `model`: `wanted`'s, if modelled. */
export function keptEqual(
  standing: Element,
  wanted: Element,
  model: ElementModel | undefined,
): boolean {
  return (
    nameKey(standing) === nameKey(wanted) &&
    attributesKept(standing, wanted, model) &&
    textKept(standing, wanted, model) &&
    childrenKept(standing, wanted, model)
  );
}
