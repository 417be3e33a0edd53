/** Read jaxen's XPath conformance file (tests.xml): documents → contexts → `test count=` and `valueOf` cases. */
import { readFileSync } from 'node:fs';
import { Element, type Node } from '@xmldom/xmldom';
import { parseXml } from './domain-fixtures.js';

export const JAXEN_FOLDER = new URL('../../fixtures/xpath-tests/jaxen/', import.meta.url);
const VAR_NAMESPACE = 'https://github.com/jaxen-xpath/jaxen/test-harness/var';

export type JaxenExpectation =
  | { readonly kind: 'count'; readonly count: number }
  | { readonly kind: 'exception' }
  | { readonly kind: 'value'; readonly value: string };

export interface JaxenCase {
  /** `document | context | select`, unique with `occurrence` */
  readonly id: string;
  readonly documentUrl: string;
  readonly contextSelect: string;
  /** for a valueOf nested in a test: that test's select, whose nodes are the contexts */
  readonly parentSelect: string | undefined;
  readonly select: string;
  readonly namespaces: Readonly<Record<string, string>>;
  readonly expectation: JaxenExpectation;
}

function elementChildren(node: Node, name: string): Element[] {
  const found: Element[] = [];
  for (let child = node.firstChild; child !== null; child = child.nextSibling) {
    if (child instanceof Element && child.nodeName === name) found.push(child);
  }
  return found;
}

/** The xmlns:* declarations in scope on the element (the harness's variables namespace is not for expressions). */
function namespacesInScope(element: Element): Record<string, string> {
  const chain: Element[] = [];
  for (let current: Node | null = element; current instanceof Element; current = current.parentNode)
    chain.unshift(current);
  const namespaces: Record<string, string> = {};
  for (const holder of chain) {
    for (const attribute of holder.attributes) {
      if (attribute.prefix === 'xmlns' && attribute.value !== VAR_NAMESPACE)
        namespaces[attribute.localName ?? ''] = attribute.value;
    }
  }
  return namespaces;
}

export function loadJaxenCases(): JaxenCase[] {
  const tests = parseXml(readFileSync(new URL('xml/test/tests.xml', JAXEN_FOLDER), 'utf8'));
  const cases: JaxenCase[] = [];
  const root = tests.documentElement;
  if (root === null) return cases;
  for (const documentElement of elementChildren(root, 'document')) {
    const documentUrl = documentElement.getAttribute('url') ?? '';
    for (const context of elementChildren(documentElement, 'context')) {
      const contextSelect = context.getAttribute('select') ?? '';
      const add = (
        element: Element,
        parentSelect: string | undefined,
        expectation: JaxenExpectation,
      ): void => {
        const select = element.getAttribute('select') ?? '';
        cases.push({
          id: `${documentUrl} | ${contextSelect} | ${parentSelect === undefined ? '' : `${parentSelect} → `}${select}`,
          documentUrl,
          contextSelect,
          parentSelect,
          select,
          namespaces: namespacesInScope(element),
          expectation,
        });
      };
      for (const testElement of elementChildren(context, 'test')) {
        const count = testElement.getAttribute('count');
        if (testElement.getAttribute('exception') === 'true')
          add(testElement, undefined, { kind: 'exception' });
        else if (count !== null)
          add(testElement, undefined, { kind: 'count', count: Number(count) });
        for (const nested of elementChildren(testElement, 'valueOf'))
          add(nested, testElement.getAttribute('select') ?? '', {
            kind: 'value',
            value: nested.textContent ?? '',
          });
      }
      for (const valueOf of elementChildren(context, 'valueOf'))
        add(valueOf, undefined, { kind: 'value', value: valueOf.textContent ?? '' });
    }
  }
  return cases;
}
