/** The verdict table in the engine: each row's refusal names its operation; allowed user data reads, to PyYAML, as written. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  applyCloudInit,
  applyDomain,
  loadAnnotationPolicy,
  loadDocuments,
  type ApplyOutcome,
} from '../../../src/engine/index.js';
import { ANNOTATION_SOURCE } from '../../../src/engine/patch-annotation.js';
import { POLICIES, VERDICT_ROWS, type VerdictRow } from './policy-verdicts.js';
import { readWithPyYaml } from './read-with-pyyaml.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/calls/${name}`, import.meta.url), 'utf8');
const DOMAIN = fixture('domain_x86_64.tabs.xml');
const CLOUD_INIT_DATA = fixture('cloudinitdata.json');

export function vmiOf(row: VerdictRow): { metadata: { annotations: Record<string, string> } } {
  const vmi = JSON.parse(fixture('vmi.json')) as {
    metadata: { annotations: Record<string, string> };
  };
  Object.assign(vmi.metadata.annotations, row.annotations, {
    'hookpatch.io/patch': row.annotation,
  });
  return vmi;
}

function run(row: VerdictRow): ApplyOutcome<string> {
  const loaded = loadDocuments(row.annotation, { source: ANNOTATION_SOURCE, origin: 'annotation' });
  assert.deepEqual(loaded.errors, [], 'the annotation loads');
  const call = {
    vmi: vmiOf(row),
    context: 'Boot' as const,
    policy: loadAnnotationPolicy(POLICIES[row.policy], 'policy.yaml'),
  };
  if (row.hook === 'domain') return applyDomain(DOMAIN, loaded.documents, call);
  const result = applyCloudInit(CLOUD_INIT_DATA, loaded.documents, call);
  return result.ok ? { ...result, value: result.value.cloudInitData } : result;
}

for (const row of VERDICT_ROWS) {
  test(`${row.policy}: ${row.name} is ${row.denied === undefined ? 'allowed' : 'refused'}`, () => {
    const result = run(row);
    if (row.denied !== undefined) {
      assert.ok(!result.ok, 'refused');
      assert.deepEqual(
        [result.error.code, result.error.location.document, result.error.location.operation],
        [
          'POLICY_DENIED',
          'annotation:hookpatch.io/patch#0',
          row.denied === 'document' ? undefined : row.denied,
        ],
      );
      return;
    }
    assert.ok(result.ok, result.ok ? '' : `${result.error.code}: ${result.error.message}`);
    if (row.keys === undefined) return;
    const userData = (JSON.parse(result.value) as { UserData: string }).UserData;
    const reading = readWithPyYaml(userData);
    assert.ok('data' in reading, JSON.stringify(reading));
    const data = reading.data as Record<string, unknown>;
    assert.deepEqual(Object.keys(data).sort(), [...row.keys].sort());
  });
}
