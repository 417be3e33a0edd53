/** The DomainSpec table (domain-spec.ts) read into element models: what of an element survives the re-marshal. */
import type { Element } from '@xmldom/xmldom';
import { isElement } from '../xml/node-kinds.js';
import { DOMAIN_SPEC, DOMAIN_SPEC_ROOT } from './domain-spec.js';

export interface AttributeModel {
  readonly name: string;
  /** written even when unset (Go: no `omitempty`) */
  readonly always: boolean;
  /** a Go number: `0` is its empty value, and `007` reads as 7 */
  readonly numeric: boolean;
}

export interface ChildModel {
  readonly name: string;
  /** a list (Go slice); otherwise repeated elements are merged into one */
  readonly many: boolean;
  /** written even when unset, as an empty element */
  readonly always: boolean;
  /** the namespace Go requires and writes (`xmlns="…"`), if any */
  readonly namespace: string | undefined;
  readonly model: () => ElementModel;
}

export interface ElementModel {
  readonly type: string;
  readonly attributes: readonly AttributeModel[];
  readonly children: readonly ChildModel[];
  /** the element's character data: none (dropped), a string, or a number */
  readonly text: 'none' | 'string' | 'number';
}

const models = new Map<string, ElementModel>();

/** `@name#!`, `#text`, `wrapper>name*:Type=URI` (domain-spec.ts says what each part means). */
const TOKEN = new RegExp(
  [
    '^(?:@(?<attribute>[\\w:-]+)(?<numeric>#)?(?<always>!)?',
    '#(?<text>text|number)',
    '(?:(?<wrapper>[\\w-]+)>)?(?<child>[\\w-]+)(?<kind>[*!])?:(?<type>\\w+)(?:=(?<namespace>\\S+))?)$',
  ].join('|'),
);

function parseType(type: string, spec: string): ElementModel {
  const attributes: AttributeModel[] = [];
  const children: ChildModel[] = [];
  let text: ElementModel['text'] = 'none';
  for (const token of spec.split(' ').filter((part) => part !== '')) {
    const parts = TOKEN.exec(token)?.groups;
    if (parts === undefined) throw new Error(`domain-spec ${type}: cannot read '${token}'`);
    if (parts.attribute !== undefined) {
      const { numeric, always } = parts;
      attributes.push({
        name: parts.attribute,
        numeric: numeric !== undefined,
        always: always !== undefined,
      });
    } else if (parts.text === 'text' || parts.text === 'number') {
      text = parts.text === 'text' ? 'string' : 'number';
    } else {
      children.push(childOf(parts));
    }
  }
  return { type, attributes, children, text };
}

function childOf(parts: Record<string, string | undefined>): ChildModel {
  const name = parts.child ?? '';
  const type = parts.type ?? '';
  const child: ChildModel = {
    name,
    many: parts.kind === '*',
    always: parts.kind === '!',
    namespace: parts.namespace,
    model: () => elementModel(type),
  };
  if (parts.wrapper === undefined) return child;
  // `system>entry*:Entry`: Go always writes the wrapper, and reads the entries of every one
  const wrapper: ElementModel = {
    type: `${parts.wrapper}>${name}`,
    attributes: [],
    children: [child],
    text: 'none',
  };
  return {
    name: parts.wrapper,
    many: false,
    always: true,
    namespace: undefined,
    model: () => wrapper,
  };
}

/** The model of one Go type of the table (a bug if the table names a type it does not define). */
export function elementModel(type: string): ElementModel {
  const known = models.get(type);
  if (known !== undefined) return known;
  const spec = DOMAIN_SPEC[type];
  if (spec === undefined) throw new Error(`domain-spec: no type ${type}`);
  const model = parseType(type, spec);
  models.set(type, model);
  return model;
}

/** Go matches a child by local name, in any namespace unless its tag names one. */
export function childModel(model: ElementModel, element: Element): ChildModel | undefined {
  const local = element.localName ?? element.tagName;
  return model.children.find(
    (child) =>
      child.name === local &&
      (child.namespace === undefined || child.namespace === (element.namespaceURI ?? '')),
  );
}

/** What KubeVirt's DomainSpec models of an element of a `<domain>`; undefined outside a domain or the struct. */
export function modelOf(element: Element): ElementModel | undefined {
  const parent = element.parentNode;
  if (!isElement(parent))
    return element.localName === 'domain' && element.namespaceURI === null
      ? elementModel(DOMAIN_SPEC_ROOT)
      : undefined;
  const outer = modelOf(parent);
  return outer === undefined ? undefined : childModel(outer, element)?.model();
}
