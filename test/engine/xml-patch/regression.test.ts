/** dnault/xml-patch's RFC 5261 regression cases, loaded as patch files and applied by the engine: same document or same RFC error. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyDomain, loadDocuments, type PatchError } from '../../../src/engine/index.js';
import { canonicalXml } from './canonical-xml.js';
import { loadRegressionCases, type RegressionCase } from './regression-cases.js';

/** Cases left out, each with its reason. */
const EXCLUDED: readonly (readonly [(testCase: RegressionCase) => boolean, string])[] = [
  [
    (testCase) => testCase.operationAttributes.includes('msel'),
    "msel (select several nodes) is the library's extension; RFC 5261 sel locates exactly one node",
  ],
];

const cases = loadRegressionCases();
const call = { vmi: {}, context: 'Boot' } as const;

/** The document the diff makes of the target, or the error it fails with (at load or at apply). */
function run(
  testCase: RegressionCase,
): { readonly error: PatchError } | { readonly document: string } {
  const loaded = loadDocuments(testCase.diff, { source: 'diff.xml', origin: 'file' });
  const loadError = loaded.errors[0];
  if (loadError !== undefined) return { error: loadError };
  const applied = applyDomain(testCase.target, loaded.documents, call);
  return applied.ok ? { document: applied.value } : { error: applied.error };
}

for (const testCase of cases) {
  const excluded = EXCLUDED.find(([applies]) => applies(testCase));
  if (excluded !== undefined) continue;
  test(`RFC 5261 regression: ${testCase.desc}`, () => {
    const outcome = run(testCase);
    if ('error' in testCase.expected) {
      assert.ok(
        'error' in outcome,
        `expected <${testCase.expected.error}>, got ${'document' in outcome ? outcome.document : ''}`,
      );
      assert.equal(outcome.error.rfc5261, testCase.expected.error, outcome.error.message);
      assert.equal(outcome.error.location.source, 'diff.xml');
    } else {
      assert.ok(
        'document' in outcome,
        'error' in outcome ? `${outcome.error.code}: ${outcome.error.message}` : '',
      );
      assert.equal(canonicalXml(outcome.document), canonicalXml(testCase.expected.document));
    }
  });
}

test('RFC 5261 regression: every case runs or is excluded with a reason, and only msel cases are excluded', () => {
  const left = cases.filter((testCase) => EXCLUDED.some(([applies]) => applies(testCase)));
  assert.ok(cases.length >= 40, `${cases.length} cases read`);
  assert.deepEqual(
    left.map((testCase) => testCase.operationAttributes.includes('msel')),
    left.map(() => true),
  );
  assert.ok(left.length < cases.length / 4);
});
