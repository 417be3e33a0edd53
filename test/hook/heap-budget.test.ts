/** The limits the heap sets (src/hook/heap-budget.ts) and the DOM estimate they are checked with. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyDomain, loadDocuments } from '../../src/engine/index.js';
import { DEFAULT_LIMITS } from '../../src/engine/limits.js';
import { domSizeOf } from '../../src/engine/xml/dom-size.js';
import { HEAP_PER, limitsForCall, limitsForHeap } from '../../src/hook/heap-budget.js';
import { DOMAIN } from '../e2e/fixtures.js';

const MiB = 1024 * 1024;

test('a small heap lowers the limits it cannot hold, and says which', () => {
  const budget = { limitBytes: 35 * MiB, callBytes: 19 * MiB };
  const { limits, lowered } = limitsForHeap(DEFAULT_LIMITS, budget);
  assert.equal(limits.maxSourceLength, Math.floor((19 * MiB) / HEAP_PER.sourceChar));
  assert.equal(limits.maxDomBytes, 19 * MiB);
  assert.equal(limits.maxOperations, DEFAULT_LIMITS.maxOperations);
  assert.ok(lowered.includes('maxSourceLength') && lowered.includes('maxDomBytes'));
  assert.ok(!lowered.includes('maxOperations'));
});

test('a flag below what the heap holds stays as given', () => {
  const budget = { limitBytes: 35 * MiB, callBytes: 19 * MiB };
  const flags = { ...DEFAULT_LIMITS, maxSourceLength: 1000 };
  const { limits, lowered } = limitsForHeap(flags, budget);
  assert.equal(limits.maxSourceLength, 1000);
  assert.ok(!lowered.includes('maxSourceLength'));
});

test("a call's large input leaves room for fewer inserted nodes", () => {
  const budget = { limitBytes: 35 * MiB, callBytes: 19 * MiB };
  const { limits } = limitsForHeap(DEFAULT_LIMITS, budget);
  const small = limitsForCall(limits, budget, 256_000);
  const large = limitsForCall(limits, budget, 16 * MiB);
  assert.ok(large.maxNodes < small.maxNodes);
  assert.equal(large.maxNodes, Math.floor((3 * MiB) / HEAP_PER.node));
  assert.equal(limitsForCall(limits, budget, 19 * MiB).maxNodes, 0);
});

test('maxDomBytes holds at the estimate of the domain and refuses it one byte below', () => {
  const text = DOMAIN.toString('utf8');
  const { bytes, elements, attributes } = domSizeOf(text);
  assert.ok(elements > 100 && attributes > 50);
  const documents = loadDocuments('domain:\n  - {op: set, path: /domain/@x, value: y}\n', {
    source: 'dom.yaml',
    origin: 'file',
  }).documents;
  const apply = (maxDomBytes: number) =>
    applyDomain(text, documents, {
      vmi: {},
      context: 'Boot',
      limits: { ...DEFAULT_LIMITS, maxDomBytes },
    });
  assert.ok(apply(bytes).ok);
  const refused = apply(bytes - 1);
  assert.ok(!refused.ok && refused.error.code === 'LIMIT_EXCEEDED');
});

test('dense markup is estimated far above its length, comments and quoted > not counted as elements', () => {
  const dense = domSizeOf(`<domain>${'<a></a>'.repeat(1000)}</domain>`);
  assert.equal(dense.elements, 1001);
  assert.ok(dense.bytes / (7 * 1000) > 100);
  const tricky = domSizeOf('<d a="x>y"><!-- <b/> --><![CDATA[<c/>]]><?pi <e/>?></d>');
  assert.deepEqual([tricky.elements, tricky.attributes], [1, 1]);
});
