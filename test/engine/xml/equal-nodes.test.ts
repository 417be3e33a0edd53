/** Equality for idempotent add: namespace-aware, attribute order and layout whitespace ignored. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { containsRun, equalItems, significantItems } from '../../../src/engine/xml/equal-nodes.js';
import { childNodes } from '../../../src/engine/xml/node-kinds.js';
import { parseDomainXml } from '../../../src/engine/xml/parse-xml.js';

function items(xml: string) {
  const parsed = parseDomainXml(`<r>${xml}</r>`);
  assert.ok(parsed.ok && parsed.value.documentElement !== null);
  return significantItems(childNodes(parsed.value.documentElement));
}

const pairs: { a: string; b: string; equal: boolean }[] = [
  {
    a: '<q:a xmlns:q="urn:x" b="1" c="2"/>',
    b: '<p:a xmlns:p="urn:x" c="2" b="1"></p:a>',
    equal: true,
  },
  { a: '<q:a xmlns:q="urn:x"/>', b: '<q:a xmlns:q="urn:y"/>', equal: false },
  { a: '<a xmlns="urn:x"/>', b: '<p:a xmlns:p="urn:x"/>', equal: true },
  { a: '<a><b/>\n\t<c/></a>', b: '<a>\n  <b/><c/>\n</a>', equal: true },
  { a: '<a><b/><c/></a>', b: '<a><c/><b/></a>', equal: false },
  { a: '<a x="1"/>', b: '<a x="1" y="2"/>', equal: false },
  { a: '<a>t</a>', b: '<a> t </a>', equal: false },
  { a: '<a><!--c--></a>', b: '<a><!--d--></a>', equal: false },
  { a: '<a>x<![CDATA[y]]></a>', b: '<a>xy</a>', equal: true },
];

for (const { a, b, equal } of pairs) {
  test(`${a} ${equal ? '=' : '≠'} ${b}`, () => {
    const [left] = items(a);
    const [right] = items(b);
    assert.ok(left !== undefined && right !== undefined);
    assert.equal(equalItems(left, right), equal);
    assert.equal(equalItems(right, left), equal);
  });
}

const runs: { existing: string; wanted: string; present: boolean }[] = [
  { existing: '<a/>\n<b/>\n<c/>', wanted: '<b/><c/>', present: true },
  { existing: '<a/>\n<b/>\n<c/>', wanted: '<a/><c/>', present: false },
  { existing: '<a/><!--x--><b/>', wanted: '<a/><b/>', present: false },
  { existing: 'VM (patched)', wanted: ' (patched)', present: true },
  { existing: 'VM by <b>us</b> and', wanted: ' by <b>us</b>', present: true },
  { existing: 'VM by <b>us</b>', wanted: 'by <b>them</b>', present: false },
  { existing: '', wanted: '\n  ', present: true },
];

for (const { existing, wanted, present } of runs) {
  test(`run ${JSON.stringify(wanted)} ${present ? 'stands' : 'does not stand'} in ${JSON.stringify(existing)}`, () => {
    assert.equal(containsRun(items(existing), items(wanted)), present);
  });
}
