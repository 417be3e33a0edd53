/**
 * Load-time check of an `add`: when its path shows where the fragment lands inside KubeVirt's
 * DomainSpec, name what of the fragment the struct does not model. KubeVirt drops it between
 * OnDefineDomain calls, so the next call finds the element standing without it, counts the
 * fragment as present (fragment-presence.ts) and the domain libvirt defines lacks it: a warning
 * that points to `set`, which writes it again on every call.
 */
import type { Element, Node } from '@xmldom/xmldom';
import type { AddPosition } from '../model.js';
import type { CompiledXPath } from '../xml/compile-xpath.js';
import type { XmlFragment } from '../xml/fragment.js';
import { childNodes, isElement, isNamespaceDeclaration, isText } from '../xml/node-kinds.js';
import { childModel, elementModel, type ElementModel } from './domain-model.js';
import { DOMAIN_SPEC_ROOT, DOMAIN_SPEC_VERSION } from './domain-spec.js';

interface Landing {
  readonly model: ElementModel;
  /** the insertion parent as a path, for the suggestion */
  readonly path: string;
}

/** The model of the insertion parent, when the path is `/domain/a/b…` (child steps by name, any predicates). */
function landing(path: CompiledXPath, position: AddPosition): Landing | undefined {
  const { expression } = path;
  if (expression.kind !== 'path' || !expression.absolute) return undefined;
  const names: { namespaceURI: string | null; localName: string; written: string }[] = [];
  for (const step of expression.steps) {
    if (step.axis !== 'child' || step.test.kind !== 'name') return undefined;
    const { prefix, localName, namespaceURI } = step.test;
    names.push({ namespaceURI, localName, written: prefix ? `${prefix}:${localName}` : localName });
  }
  const parents = position === 'before' || position === 'after' ? names.slice(0, -1) : names;
  const [root, ...rest] = parents;
  if (root?.localName !== 'domain' || root.namespaceURI !== null) return undefined;
  let model = elementModel(DOMAIN_SPEC_ROOT);
  for (const name of rest) {
    const child = model.children.find(
      (field) =>
        field.name === name.localName &&
        (field.namespace === undefined || field.namespace === (name.namespaceURI ?? '')),
    );
    if (child === undefined) return undefined;
    model = child.model();
  }
  const written = parents.map((name) => name.written).join('/');
  return {
    model,
    path: position === 'append' || position === 'prepend' ? path.source : `/${written}`,
  };
}

/** Relative paths (`rate`, `driver/@detect_zeroes`, `text()`) of what the struct does not model in `element`. */
function droppedParts(element: Element, model: ElementModel, prefix = ''): string[] {
  const parts: string[] = [];
  for (const attr of Array.from(element.attributes)) {
    const local = attr.localName ?? attr.name;
    if (!isNamespaceDeclaration(attr) && !model.attributes.some((field) => field.name === local))
      parts.push(`${prefix}@${attr.name}`);
  }
  const text = childNodes(element)
    .filter(isText)
    .map((node) => node.data)
    .join('');
  if (model.text === 'none' && !/^[ \t\r\n]*$/.test(text)) parts.push(`${prefix}text()`);
  for (const child of childNodes(element).filter(isElement)) {
    const field = childModel(model, child);
    if (field === undefined) parts.push(`${prefix}${child.tagName}`);
    else parts.push(...droppedParts(child, field.model(), `${prefix}${child.tagName}/`));
  }
  return parts;
}

function quoted(value: string): string {
  return value.includes("'") ? `"${value}"` : `'${value}'`;
}

/** `rng[@model='virtio']`: the element keyed by its alias, else by its first attribute. */
function keyed(element: Element): string {
  const alias = childNodes(element)
    .filter(isElement)
    .find((child) => child.localName === 'alias' && child.hasAttribute('name'));
  if (alias !== undefined)
    return `${element.tagName}[alias/@name=${quoted(alias.getAttribute('name') ?? '')}]`;
  const first = Array.from(element.attributes).find((attr) => !isNamespaceDeclaration(attr));
  return first === undefined
    ? element.tagName
    : `${element.tagName}[@${first.name}=${quoted(first.value)}]`;
}

/** A `set` path for a dropped part: an element's first attribute, else its text. */
function settable(element: Element, part: string): string {
  if (part.includes('@') || part.endsWith('text()')) return part;
  let node: Element | undefined = element;
  for (const name of part.split('/'))
    node =
      node === undefined
        ? undefined
        : childNodes(node)
            .filter(isElement)
            .find((child) => child.tagName === name);
  const attr =
    node === undefined
      ? undefined
      : Array.from(node.attributes).find((a) => !isNamespaceDeclaration(a));
  return attr === undefined ? part : `${part}/@${attr.name}`;
}

/** The warning's message for the first fragment element that carries something KubeVirt drops, if any. */
export function droppedByKubevirt(
  path: CompiledXPath,
  position: AddPosition,
  fragment: XmlFragment,
): string | undefined {
  const parent = landing(path, position);
  if (parent === undefined) return undefined;
  for (const node of fragment.nodes as readonly Node[]) {
    if (!isElement(node)) continue;
    // an element KubeVirt does not model at all is inserted again on every call: no loss
    const field = childModel(parent.model, node);
    const parts = field === undefined ? [] : droppedParts(node, field.model());
    const [first] = parts;
    if (first === undefined) continue;
    const name = node.tagName;
    return (
      `KubeVirt ${DOMAIN_SPEC_VERSION}'s DomainSpec does not model ${parts.join(', ')} of <${name}>: ` +
      'it is dropped between OnDefineDomain calls, ' +
      `so from the second call on this add finds the <${name}> without it and inserts nothing, ` +
      'and the domain lacks it. ' +
      `Add <${name}> without it and set it, e.g. set ${parent.path}/${keyed(node)}/${settable(node, first)}`
    );
  }
  return undefined;
}
