/** Strict parsing (codes and positions) and escaping that survives a re-parse. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseDomainXml } from '../../../src/engine/xml/parse-xml.js';
import { serializeXml } from '../../../src/engine/xml/serialize-xml.js';

const inputs = new URL('../../fixtures/domain/inputs/', import.meta.url);

const refused: { name: string; text: string; code: string; line?: number; column?: number }[] = [
  {
    name: 'internal subset with an entity',
    text: '<!DOCTYPE domain [<!ENTITY x "y">]><domain>&x;</domain>',
    code: 'DOCTYPE_REFUSED',
  },
  { name: 'doctype in lower case', text: '<!doctype domain><domain/>', code: 'DOCTYPE_REFUSED' },
  {
    name: 'mismatched end tag',
    text: '<domain>\n  <name>x</nam>\n</domain>',
    code: 'XML_MALFORMED',
    line: 2,
  },
  {
    name: 'KubeVirt style: trailing backtick after the last line',
    text: '<domain>\n</domain>`',
    code: 'XML_MALFORMED',
    line: 2,
    column: 10,
  },
  {
    name: 'stray character after the root',
    text: '<domain/>\n`\n',
    code: 'XML_MALFORMED',
    line: 2,
    column: 1,
  },
  {
    name: 'unquoted attribute (an xmldom warning)',
    text: '<domain type=kvm/>',
    code: 'XML_MALFORMED',
  },
  { name: 'undefined entity', text: '<domain>&nbsp;</domain>', code: 'XML_MALFORMED' },
  { name: 'two root elements', text: '<domain/><domain/>', code: 'XML_MALFORMED' },
  { name: 'empty text', text: '', code: 'XML_MALFORMED' },
  {
    name: 'NUL as a character reference',
    text: '<domain>&#0;</domain>',
    code: 'XML_MALFORMED',
    line: 1,
  },
  { name: 'control character', text: '<domain>\n\u0001</domain>', code: 'XML_MALFORMED', line: 2 },
  { name: 'unbound prefix', text: '<domain><qemu:commandline/></domain>', code: 'XML_MALFORMED' },
];

for (const row of refused) {
  test(`refused: ${row.name}`, () => {
    const parsed = parseDomainXml(row.text);
    assert.equal(parsed.ok, false);
    if (parsed.ok) return;
    assert.equal(parsed.problem.code, row.code);
    if (row.line !== undefined) assert.equal(parsed.problem.at?.line, row.line);
    if (row.column !== undefined) assert.equal(parsed.problem.at?.column, row.column);
  });
}

for (const file of [
  'virt-launcher_virtwrap_api__cpu_pinning.xml',
  'virt-launcher_virtwrap_api__domain_numa_topology.xml',
]) {
  test(`KubeVirt's malformed test domain is refused: ${file}`, () => {
    const parsed = parseDomainXml(readFileSync(new URL(file, inputs), 'utf8'));
    assert.equal(parsed.ok ? 'ok' : parsed.problem.code, 'XML_MALFORMED');
  });
}

const kept: { name: string; text: string; written?: string }[] = [
  {
    name: 'XML declaration, comments and processing instructions',
    text: '<?xml version="1.0" encoding="UTF-8"?>\n<!-- a -->\n<domain><?pi data?><!--b--></domain>',
  },
  { name: 'tab and newline in attribute values', text: '<domain a="x&#9;y&#10;z&#13;"/>' },
  {
    name: 'literal tab in an attribute is a space',
    text: '<domain a="x\ty"/>',
    written: '<domain a="x y"/>',
  },
  { name: 'carriage return in text', text: '<domain>a&#13;b</domain>' },
  { name: '> and ]]> in text', text: '<domain>a &gt; b ]]&gt;</domain>' },
  {
    name: 'quotes and ampersand in attributes',
    text: `<domain a='"&amp;&lt;'/>`,
    written: '<domain a="&quot;&amp;&lt;"/>',
  },
  { name: 'CDATA that holds ]]>', text: '<domain><![CDATA[a]]]]><![CDATA[>b]]></domain>' },
  { name: 'U+2028 is text, not a line end (XML 1.0)', text: '<domain>a\u2028b\u0085c</domain>' },
  {
    name: 'CRLF line ends are normalised',
    text: '<domain>\r\n<a/>\r\n</domain>',
    written: '<domain>\n<a/>\n</domain>',
  },
  { name: 'a byte order mark is not content', text: '\uFEFF<domain/>', written: '<domain/>' },
  {
    name: 'default namespace and prefixes as written',
    text: '<domain xmlns:q="urn:q"><metadata><kubevirt xmlns="http://kubevirt.io"><uid/></kubevirt></metadata><q:x q:y="1"/></domain>',
  },
];

for (const row of kept) {
  test(`serialized as a re-parse needs: ${row.name}`, () => {
    const parsed = parseDomainXml(row.text);
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.problem.message);
    const written = serializeXml(parsed.value);
    assert.equal(written, row.written ?? row.text);
    const again = parseDomainXml(written);
    assert.ok(again.ok);
    assert.equal(serializeXml(again.value), written);
  });
}
