/** Read dnault/xml-patch's RFC 5261 regression file into cases: target text, diff text, and the expected document or RFC error. */
import { readFileSync } from 'node:fs';
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import type { Rfc5261Error } from '../../../src/engine/errors.js';
import { serializeXml } from '../../../src/engine/xml/serialize-xml.js';

export interface RegressionCase {
  readonly desc: string;
  /** the target document's text (its top-level nodes) */
  readonly target: string;
  /** the `<diff>` element's text: what a patch file holds */
  readonly diff: string;
  readonly expected: { readonly error: Rfc5261Error } | { readonly document: string };
  /** attribute names on the diff's operation elements, to find non-standard ones (`msel`) */
  readonly operationAttributes: readonly string[];
}

const FILE = new URL('../../fixtures/xml-patch-tests/regression-test.xml', import.meta.url);

function child(element: Element, name: string): Element {
  const found = Array.from(element.childNodes).find(
    (node): node is Element => node.nodeType === 1 && node.nodeName === name,
  );
  if (found === undefined) throw new Error(`<${element.nodeName}> has no <${name}>`);
  return found;
}

/** The top-level nodes of a `<target>`/`<result>` as document text (whitespace between them is not part of a document). */
function documentText(holder: Element): string {
  return Array.from(holder.childNodes)
    .filter((node: Node) => !(node.nodeType === 3 && (node.nodeValue ?? '').trim() === ''))
    .map((node) => serializeXml(node))
    .join('');
}

const RFC_ERRORS: readonly Rfc5261Error[] = [
  'invalid-attribute-value',
  'invalid-diff-format',
  'invalid-namespace-prefix',
  'invalid-namespace-uri',
  'invalid-node-types',
  'invalid-patch-directive',
  'invalid-root-element-operation',
  'invalid-whitespace-directive',
  'unlocated-node',
];

/** `UNLOCATED_NODE` → `unlocated-node`, the RFC's element name. */
function rfcName(code: string): Rfc5261Error {
  const name = RFC_ERRORS.find(
    (candidate) => candidate === code.toLowerCase().replaceAll('_', '-'),
  );
  if (name === undefined) throw new Error(`unknown RFC 5261 error ${code}`);
  return name;
}

export function loadRegressionCases(): RegressionCase[] {
  const document = new DOMParser().parseFromString(readFileSync(FILE, 'utf8'), 'text/xml');
  const root = document.documentElement;
  if (root === null) throw new Error('empty regression file');
  return Array.from(root.getElementsByTagName('test')).map((element) => {
    const diff = child(element, 'diff');
    const result = child(element, 'result');
    const error = result.getAttribute('error');
    const operations = Array.from(diff.childNodes).filter(
      (node): node is Element => node.nodeType === 1,
    );
    return {
      desc: element.getAttribute('desc') ?? '',
      target: documentText(child(element, 'target')),
      diff: serializeXml(diff),
      expected:
        error !== null && error !== ''
          ? { error: rfcName(error) }
          : { document: documentText(result) },
      operationAttributes: operations.flatMap((operation) =>
        Array.from(operation.attributes).map((attr) => attr.name),
      ),
    };
  });
}
