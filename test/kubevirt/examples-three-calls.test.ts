/**
 * Every domain example (examples/<case>/, once per VM/VMI manifest and invocation context) through
 * three OnDefineDomain calls with KubeVirt's re-marshal between them, on the example domain and on
 * every KubeVirt corpus domain (test/fixtures/domain/inputs/) the example's documents apply to.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadPatches } from '../../src/cli/load-patches.js';
import { patchFiles } from '../../src/cli/patch-files.js';
import { readVmi } from '../../src/cli/read-vmi.js';
import {
  applyDomain,
  INVOCATION_CONTEXTS,
  type InvocationContext,
  type PatchDocument,
} from '../../src/engine/index.js';
import { divergence, threeCalls } from './three-calls.js';

const EXAMPLES = 'examples';
const INPUTS = 'test/fixtures/domain/inputs';

interface ExampleCase {
  readonly name: string;
  readonly documents: readonly PatchDocument[];
  readonly vmi: unknown;
  readonly context: InvocationContext;
}

function patchOf(dir: string): string[] {
  if (existsSync(join(dir, 'patch.yaml'))) return [join(dir, 'patch.yaml')];
  if (existsSync(join(dir, 'patches'))) return [join(dir, 'patches')];
  return [];
}

function exampleCases(): ExampleCase[] {
  const cases: ExampleCase[] = [];
  for (const entry of readdirSync(EXAMPLES, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = join(EXAMPLES, entry.name);
    const contexts = readdirSync(dir)
      .filter((file) => file.startsWith('expected.') && file.endsWith('.xml'))
      .map((file) => INVOCATION_CONTEXTS.find((c) => file === `expected.${c}.xml`) ?? 'Boot');
    for (const manifest of ['vmi.yaml', 'vm.yaml'].filter((f) => existsSync(join(dir, f)))) {
      const vmi = readVmi(join(dir, manifest));
      assert.ok(vmi.ok);
      const loaded = loadPatches(patchFiles(patchOf(dir), { recursive: false }), vmi.vmi);
      assert.deepEqual(loaded.errors, [], dir);
      for (const context of contexts)
        cases.push({
          name: `${entry.name}/${manifest} ${context}`,
          documents: loaded.documents,
          vmi: vmi.vmi,
          context,
        });
    }
  }
  return cases;
}

const cases = exampleCases();
const corpus = readdirSync(INPUTS)
  .filter((file) => file.endsWith('.xml'))
  .map((file) => ({ file, text: readFileSync(join(INPUTS, file), 'utf8') }));

test('the examples give domain cases to run', () => {
  assert.ok(cases.length >= 10, `${cases.length} cases`);
});

for (const example of cases) {
  test(`three calls converge: ${example.name} on the example domain`, () => {
    const input = readFileSync(join(EXAMPLES, 'kubevirt-domain.xml'), 'utf8');
    const call = { vmi: example.vmi, context: example.context };
    const chain = threeCalls(input, (xml) => applyDomain(xml, example.documents, call));
    assert.equal(divergence(chain), undefined);
  });
}

test('three calls converge: every example on every KubeVirt corpus domain it applies to', () => {
  let converged = 0;
  for (const example of cases) {
    const call = { vmi: example.vmi, context: example.context };
    for (const { file, text } of corpus) {
      const first = applyDomain(text, example.documents, call);
      // the malformed corpus files, and domains without what an example selects, are not its inputs
      if (!first.ok) continue;
      const chain = threeCalls(text, (xml) => applyDomain(xml, example.documents, call));
      assert.equal(divergence(chain), undefined, `${example.name} on ${file}`);
      converged += 1;
    }
  }
  assert.ok(converged >= cases.length * 3, `${converged} example × domain chains converged`);
});
