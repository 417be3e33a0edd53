/**
 * Golden folders `test/fixtures/domain/<case>/`: `input.xml` (or `input`, naming a fixture file
 * relative to `test/fixtures/`), `patch.yaml`, optional `vmi.json`, and `expected.xml` or
 * `expected-error.json` (`{code, document, operation}`). Each case also proves idempotency:
 * its documents applied to their own output change nothing, and through three calls with
 * KubeVirt's re-marshal between them (test/kubevirt/) the result converges.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { applyDomain, loadDocuments } from '../../src/engine/index.js';
import { divergence, threeCalls } from '../kubevirt/three-calls.js';

const fixtures = new URL('../fixtures/', import.meta.url);
const folder = new URL('domain/', fixtures);

function read(caseName: string, file: string): string | undefined {
  const url = new URL(`${caseName}/${file}`, folder);
  return existsSync(url) ? readFileSync(url, 'utf8') : undefined;
}

function inputOf(caseName: string): string {
  const named = read(caseName, 'input')?.trim();
  if (named !== undefined) return readFileSync(new URL(named, fixtures), 'utf8');
  return read(caseName, 'input.xml') ?? assert.fail(`${caseName}: no input.xml or input`);
}

const cases = readdirSync(folder, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(new URL(`${entry.name}/patch.yaml`, folder)))
  .map((entry) => entry.name)
  .sort();

test('golden cases are present', () => {
  assert.ok(cases.length >= 15, `found ${cases.length}`);
});

for (const caseName of cases) {
  test(`golden domain case: ${caseName}`, () => {
    const loaded = loadDocuments(read(caseName, 'patch.yaml') ?? '', {
      source: `${caseName}/patch.yaml`,
      origin: 'file',
    });
    assert.deepEqual(loaded.errors, []);
    const vmiText = read(caseName, 'vmi.json');
    const call = {
      vmi: vmiText === undefined ? {} : JSON.parse(vmiText),
      context: 'Boot' as const,
    };
    const input = inputOf(caseName);
    const result = applyDomain(input, loaded.documents, call);
    const expectedError = read(caseName, 'expected-error.json');
    if (expectedError !== undefined) {
      const got = result.ok
        ? { ok: true }
        : {
            code: result.error.code,
            document: result.error.location.document ?? null,
            operation: result.error.location.operation ?? null,
          };
      assert.deepEqual(got, JSON.parse(expectedError));
      return;
    }
    assert.ok(result.ok, result.ok ? '' : `${result.error.code}: ${result.error.message}`);
    assert.equal(result.value, read(caseName, 'expected.xml'));
    const again = applyDomain(result.value, loaded.documents, call);
    assert.ok(again.ok, 'applies to its own output');
    assert.equal(again.value, result.value, 'applying twice gives the same XML as once');
    // KubeVirt calls again with the result re-marshalled through its DomainSpec: it converges
    const chain = threeCalls(input, (xml) => applyDomain(xml, loaded.documents, call));
    assert.equal(divergence(chain), undefined);
  });
}
