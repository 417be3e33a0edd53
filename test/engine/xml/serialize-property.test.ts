/** Property: any DOM we can build serializes to text that parses back to the same infoset, in both quote and empty-element styles. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Document, Element } from '@xmldom/xmldom';
import fc from 'fast-check';
import { parseDomainXml } from '../../../src/engine/xml/parse-xml.js';
import { serializeXml, type XmlStyle } from '../../../src/engine/xml/serialize-xml.js';
import { canonicalXml } from './canonical-xml.js';

/** Characters that tend to break escaping: markup, quotes, line ends, tabs, non-BMP, XML 1.1 line ends. */
const text = fc.string({
  unit: fc.constantFrom(
    'a',
    'Z',
    ' ',
    '\t',
    '\n',
    '\r',
    '&',
    '<',
    '>',
    '"',
    "'",
    ']',
    ']]>',
    '$(',
    '\u2028',
    '\u0085',
    'é',
    '😀',
  ),
  maxLength: 12,
});
const names = fc.constantFrom('a', 'b', 'entry', 'p:x');
const attributeNames = fc.constantFrom('name', 'value', 'p:attr', 'x-y');

type Tree =
  | { kind: 'element'; name: string; attributes: [string, string][]; children: Tree[] }
  | { kind: 'text'; data: string }
  | { kind: 'comment'; data: string };

const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant('text' as const), data: text }),
    // comment data as a parser can produce it: no `--`, no trailing `-`, no carriage return
    fc.record({
      kind: fc.constant('comment' as const),
      data: text.map((data) => data.replaceAll('-', '_').replaceAll('\r', '\n')),
    }),
    fc.record({
      kind: fc.constant('element' as const),
      name: names,
      attributes: fc.uniqueArray(fc.tuple(attributeNames, text), {
        selector: ([name]) => name,
        maxLength: 3,
      }),
      children: fc.array(tie('tree'), { maxLength: 4 }),
    }),
  ),
}));

function build(
  node: Tree,
  document: Document,
): Element | ReturnType<Document['createTextNode']> | ReturnType<Document['createComment']> {
  if (node.kind === 'text') return document.createTextNode(node.data);
  if (node.kind === 'comment') return document.createComment(node.data);
  const element = node.name.startsWith('p:')
    ? document.createElementNS('urn:p', node.name)
    : document.createElement(node.name);
  for (const [name, value] of node.attributes) {
    if (name.startsWith('p:')) element.setAttributeNS('urn:p', name, value);
    else element.setAttribute(name, value);
  }
  for (const child of node.children) element.appendChild(build(child, document));
  return element;
}

const styles: XmlStyle[] = [
  { empty: 'self-closing', quote: '"' },
  { empty: 'end-tag', quote: "'" },
];

test('serialize then parse keeps the infoset', () => {
  fc.assert(
    fc.property(fc.array(tree, { maxLength: 5 }), fc.constantFrom(...styles), (children, style) => {
      const parsed = parseDomainXml('<domain xmlns:p="urn:p"/>');
      assert.ok(parsed.ok);
      const root = parsed.value.documentElement;
      assert.ok(root !== null);
      for (const child of children) root.appendChild(build(child, parsed.value));
      const written = serializeXml(parsed.value, style);
      const reparsed = parseDomainXml(written);
      assert.ok(reparsed.ok, reparsed.ok ? '' : `${reparsed.problem.message}\n${written}`);
      assert.equal(canonicalXml(reparsed.value), canonicalXml(parsed.value));
    }),
    { numRuns: 500 },
  );
});
