/**
 * A domain parsed in pieces (src/engine/xml/parse-in-pieces.ts) is the DOM a whole parse gives,
 * node for node, on every corpus domain and with pieces of every size; a text that does not parse
 * fails with the whole parse's error.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Document } from '@xmldom/xmldom';
import { domainWithDisks } from '../../../bench/synthetic-domain.js';
import { runSteps, type Outcome, type Steps } from '../../../src/engine/index.js';
import { DEFAULT_LIMITS } from '../../../src/engine/limits.js';
import { parseDomainInPieces } from '../../../src/engine/xml/parse-in-pieces.js';
import { parseDomainXml } from '../../../src/engine/xml/parse-xml.js';
import { DOMAIN } from '../../e2e/fixtures.js';
import { dump } from './dom-dump.js';

const corpus = new URL('../../fixtures/libvirt-domains/', import.meta.url).pathname;
const files = readdirSync(corpus, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.xml'))
  .sort();

function stepped(steps: Steps<Outcome<Document>>): { parsed: Outcome<Document>; pauses: number } {
  let pauses = 0;
  for (;;) {
    const next = steps.next();
    if (next.done === true) return { parsed: next.value, pauses };
    pauses += 1;
  }
}

function assertSameParse(text: string, pieceChars: number, label: string): number {
  const whole = parseDomainXml(text, DEFAULT_LIMITS.maxDepth);
  const { parsed, pauses } = stepped(
    parseDomainInPieces(text, DEFAULT_LIMITS.maxDepth, pieceChars),
  );
  if (!whole.ok) {
    assert.deepEqual(parsed, whole, label);
    return pauses;
  }
  assert.ok(parsed.ok, `${label}: ${parsed.ok ? '' : parsed.problem.message}`);
  assert.deepEqual(dump(parsed.value), dump(whole.value), label);
  return pauses;
}

test('every corpus domain, in pieces of 64, 300 and 2,000 characters, is the whole parse', () => {
  let cut = 0;
  for (const file of files) {
    const text = readFileSync(`${corpus}${file}`, 'utf8');
    for (const size of [64, 300, 2000])
      if (assertSameParse(text, size, `${file} /${size}`) > 2) cut += 1;
  }
  assert.ok(cut > files.length, `${cut} parses went in pieces`);
});

test('a 1,800-disk domain goes in pieces of the default size, one step each', () => {
  const text = domainWithDisks(DOMAIN.toString('utf8'), 1800);
  const pauses = assertSameParse(text, 32 * 1024, '1,800 disks');
  assert.ok(
    pauses >= text.length / (32 * 1024) - 1,
    `${pauses} pauses for ${text.length} characters`,
  );
  assert.ok(runSteps(parseDomainInPieces(text, DEFAULT_LIMITS.maxDepth)).ok);
});

/** [what, the text] — each fails, in pieces as whole, with the same problem. */
const broken: ReadonlyArray<readonly [string, string]> = [
  ['a mismatched end tag in a piece', '<domain><devices><a></b><c/><c/><c/></devices></domain>'],
  ['a mismatched end tag in the skeleton', '<domain><devices><c/><c/><c/><c/></device></domain>'],
  ['an unbound prefix in a piece', '<domain><devices><c/><c/><x:c/><c/><c/></devices></domain>'],
  [
    'a character XML forbids in a piece',
    '<domain><devices><c/><c/><c>\u0001</c><c/></devices></domain>',
  ],
  ['text after the root', '<domain><devices><c/><c/><c/><c/><c/></devices></domain>tail'],
  ['an element left open', '<domain><devices><c/><c/><c/><c/><c>'],
];

for (const [what, text] of broken) {
  test(`${what}: the whole parse's error`, () => {
    const whole = parseDomainXml(text, DEFAULT_LIMITS.maxDepth);
    assert.ok(!whole.ok);
    assertSameParse(text, 8, what);
  });
}

test('namespaces declared above a piece, default and prefixed, bind its nodes as in the whole parse', () => {
  const items = '<k:item k:a="1"><plain/></k:item>'.repeat(20);
  const text = `<domain xmlns:k="urn:k"><metadata xmlns="urn:d" xmlns:q="urn:q">${items}<q:x/></metadata></domain>`;
  assert.ok(assertSameParse(text, 40, 'namespaces') > 3);
});

test('a run that cannot be cut (one huge comment) is parsed with the whole text, not copied into a piece', () => {
  const huge = `<domain><devices><c/><!--${'p'.repeat(5000)}--><c/></devices></domain>`;
  assert.ok(assertSameParse(huge, 64, 'one huge comment') <= 1);
  const cut = `<domain><devices>${'<c/>'.repeat(2000)}</devices></domain>`;
  assert.ok(assertSameParse(cut, 64, 'many small children') > 10);
});
