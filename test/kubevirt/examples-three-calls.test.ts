/**
 * Every domain case of every example (examples/**\/hookpatch-test.yaml: its patches, VMI, context
 * and node) through three OnDefineDomain calls with KubeVirt's re-marshal between them, on its own
 * domain and on every KubeVirt corpus domain (test/fixtures/domain/inputs/) its documents apply to.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { findTestFiles } from '../../src/cli/golden/find-test-files.js';
import { readTestFile, type GoldenCase } from '../../src/cli/golden/read-test-file.js';
import { readVmi } from '../../src/cli/read-vmi.js';
import { applyDomain, type CallContext, type PatchDocument } from '../../src/engine/index.js';
import { applyDocuments } from '../../src/sources/index.js';
import { divergence, threeCalls } from './three-calls.js';

const INPUTS = 'test/fixtures/domain/inputs';

interface DomainCase {
  readonly name: string;
  readonly domain: string;
  readonly documents: readonly PatchDocument[];
  readonly call: CallContext;
}

async function domainCase(golden: GoldenCase): Promise<DomainCase> {
  const vmi = readVmi(golden.vmi);
  assert.ok(vmi.ok, golden.name);
  const { sourced } = await applyDocuments(golden.patches, vmi.vmi, {
    stdin: () => assert.fail('no case reads stdin'),
  });
  assert.ok(sourced.ok, `${golden.name}: ${sourced.ok ? '' : JSON.stringify(sourced.errors)}`);
  return {
    name: `${golden.suite}: ${golden.name}`,
    domain: readFileSync(golden.input.file, 'utf8'),
    documents: sourced.documents,
    call: { vmi: vmi.vmi, context: golden.context, node: golden.node },
  };
}

const cases = await Promise.all(
  findTestFiles(['examples']).flatMap((file) => {
    const read = readTestFile(readFileSync(file, 'utf8'), file);
    assert.ok(read.ok, file);
    return read.cases
      .filter((golden) => golden.input.kind === 'domain' && golden.expect.kind === 'output')
      .map(domainCase);
  }),
);
const corpus = readdirSync(INPUTS)
  .filter((file) => file.endsWith('.xml'))
  .map((file) => ({ file, text: readFileSync(join(INPUTS, file), 'utf8') }));

test('the examples give domain cases to run, recipes included', () => {
  assert.ok(cases.length >= 18, `${cases.length} cases`);
  assert.ok(cases.some((golden) => golden.name.startsWith('recipes/')));
});

for (const example of cases) {
  test(`three calls converge: ${example.name}`, () => {
    const chain = threeCalls(example.domain, (xml) =>
      applyDomain(xml, example.documents, example.call),
    );
    assert.equal(divergence(chain), undefined);
  });
}

test('three calls converge: every example on every KubeVirt corpus domain it applies to', () => {
  let converged = 0;
  for (const example of cases) {
    for (const { file, text } of corpus) {
      // the malformed corpus files, and domains without what an example selects, are not its inputs
      if (!applyDomain(text, example.documents, example.call).ok) continue;
      const chain = threeCalls(text, (xml) => applyDomain(xml, example.documents, example.call));
      assert.equal(divergence(chain), undefined, `${example.name} on ${file}`);
      converged += 1;
    }
  }
  assert.ok(converged >= cases.length * 3, `${converged} example × domain chains converged`);
});
