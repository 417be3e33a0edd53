/** Fragments: parsed once with the document's prefixes, instantiated per call with vars as text. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFragment } from '../../../src/engine/xml/fragment.js';
import { instantiateFragment } from '../../../src/engine/xml/instantiate-fragment.js';
import { runSteps } from '../../../src/engine/steps.js';
import { parseDomainXml } from '../../../src/engine/xml/parse-xml.js';
import { serializeXml } from '../../../src/engine/xml/serialize-xml.js';
import { NAMESPACES } from './build-document.js';

const errors: {
  name: string;
  source: string;
  code: string;
  at?: { line: number; column?: number };
}[] = [
  { name: 'unclosed element', source: '<entry name="x">', code: 'FRAGMENT_MALFORMED' },
  {
    name: 'mismatched end tag, second line',
    source: '<a>\n  <b></c>\n</a>',
    code: 'FRAGMENT_MALFORMED',
    at: { line: 2 },
  },
  {
    name: 'column on the first line counts from the value',
    source: 'ab<a></b>',
    code: 'FRAGMENT_MALFORMED',
    at: { line: 1, column: 3 },
  },
  {
    name: 'doctype',
    source: '<!DOCTYPE x [<!ENTITY e "boom">]><x>&e;</x>',
    code: 'DOCTYPE_REFUSED',
  },
  { name: 'undeclared element prefix', source: '<foo:bar/>', code: 'UNKNOWN_PREFIX' },
  { name: 'undeclared attribute prefix', source: '<bar foo:x="1"/>', code: 'UNKNOWN_PREFIX' },
  { name: 'undefined entity', source: '<a>&nbsp;</a>', code: 'FRAGMENT_MALFORMED' },
];

for (const row of errors) {
  test(`fragment refused: ${row.name}`, () => {
    const parsed = parseFragment(row.source, NAMESPACES);
    assert.equal(parsed.ok ? 'ok' : parsed.problem.code, row.code);
    if (parsed.ok || row.at === undefined) return;
    assert.equal(parsed.problem.at?.line, row.at.line);
    if (row.at.column !== undefined) assert.equal(parsed.problem.at?.column, row.at.column);
  });
}

const target = parseDomainXml('<domain/>');
const document = target.ok ? target.value : assert.fail('parse');

const instances: {
  name: string;
  source: string;
  vars?: Record<string, string>;
  written: string[];
}[] = [
  {
    name: 'predefined qemu prefix',
    source: '<qemu:arg value="-x"/>',
    written: ['<qemu:arg value="-x"/>'],
  },
  {
    name: 'several top-level nodes, YAML layout whitespace dropped',
    source: '\n<a/>\n<!-- why -->\ntext\n',
    written: ['<a/>', '<!-- why -->', '\ntext\n'],
  },
  { name: 'whitespace-only text is kept when it is all there is', source: '  ', written: ['  '] },
  {
    name: 'vars are text, never markup',
    source: '<entry name="$(k)">$(v)</entry>',
    vars: { k: 'a"b', v: 'A&B <x>' },
    written: ['<entry name="a&quot;b">A&amp;B &lt;x&gt;</entry>'],
  },
  {
    name: 'a var in a comment cannot end it',
    source: '<!-- by $(who) -->',
    vars: { who: 'a -->b--' },
    written: ['<!-- by a - ->b- - -->'],
  },
  {
    name: '$$( stays a literal $(',
    source: '<a>$$(x) $(x)</a>',
    vars: { x: '1' },
    written: ['<a>$(x) 1</a>'],
  },
  {
    name: 'own default namespace',
    source: '<kubevirt xmlns="http://kubevirt.io"><uid/></kubevirt>',
    written: ['<kubevirt xmlns="http://kubevirt.io"><uid/></kubevirt>'],
  },
];

for (const row of instances) {
  test(`fragment instantiated: ${row.name}`, () => {
    const parsed = parseFragment(row.source, NAMESPACES);
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.problem.message);
    const vars = new Map(Object.entries(row.vars ?? {}));
    const nodes = runSteps(instantiateFragment(parsed.value, document, vars));
    assert.deepEqual(
      nodes.map((node) => serializeXml(node)),
      row.written,
    );
    assert.ok(nodes.every((node) => node.ownerDocument === document));
  });
}

test('instantiating twice gives independent copies and leaves the fragment as written', () => {
  const parsed = parseFragment('<a>$(v)</a>', NAMESPACES);
  assert.ok(parsed.ok);
  const first = runSteps(instantiateFragment(parsed.value, document, new Map([['v', '1']])));
  const second = runSteps(instantiateFragment(parsed.value, document, new Map([['v', '2']])));
  assert.deepEqual(
    [...first, ...second].map((node) => serializeXml(node)),
    ['<a>1</a>', '<a>2</a>'],
  );
  assert.equal(serializeXml(parsed.value.nodes[0] ?? document), '<a>$(v)</a>');
});

test('a document namespace prefix is usable in fragments', () => {
  const parsed = parseFragment('<k:uid/>', { ...NAMESPACES, k: 'http://kubevirt.io' });
  assert.ok(parsed.ok);
  assert.equal(parsed.value.nodes[0]?.namespaceURI, 'http://kubevirt.io');
});
