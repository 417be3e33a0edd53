/** A call's documents: files in path order, then the annotation; duplicates, broken annotations, the off switch. */
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { documentSources, hasCloudInitOperations } from '../../src/sources/document-sources.js';
import { ANNOTATION_SOURCE, patchAnnotation } from '../../src/engine/patch-annotation.js';

const doc = (name: string, list = 'domain'): string =>
  `apiVersion: hookpatch.io/v1alpha1\nkind: Patch\nmetadata:\n  name: ${name}\nspec:\n  ${list}: []\n`;
const vmi = (annotation?: string): unknown => ({
  metadata: {
    name: 'vm',
    annotations: annotation === undefined ? {} : { 'hookpatch.io/patch': annotation },
  },
});

async function files(entries: Readonly<Record<string, string>>): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'hookpatch-sources-'));
  return Promise.all(
    Object.entries(entries).map(async ([name, text]) => {
      await writeFile(join(dir, name), text);
      return join(dir, name);
    }),
  );
}

test('patchAnnotation reads only a non-empty string annotation', () => {
  const rows: ReadonlyArray<[unknown, string | undefined]> = [
    [vmi('domain: []'), 'domain: []'],
    [vmi(), undefined],
    [vmi('  '), undefined],
    [{}, undefined],
    [null, undefined],
    [{ metadata: { annotations: { 'hookpatch.io/patch': 7 } } }, undefined],
  ];
  for (const [input, expected] of rows) assert.equal(patchAnnotation(input), expected);
});

test('order: files in path order, then annotation documents; the annotation can be turned off', async () => {
  const sources = documentSources(
    await files({ 'b.yaml': doc('from-b'), 'a.yaml': doc('from-a') }),
  );
  const call = await sources.forCall(vmi(doc('from-annotation')), { annotations: true });
  assert.ok(call.ok);
  assert.deepEqual(
    call.documents.map((d) => [d.name, d.origin]),
    [
      ['from-b', 'file'],
      ['from-a', 'file'],
      ['from-annotation', 'annotation'],
    ],
  );
  const off = await sources.forCall(vmi(doc('from-annotation')), { annotations: false });
  assert.ok(off.ok);
  assert.deepEqual(
    off.documents.map((d) => d.name),
    ['from-b', 'from-a'],
  );
});

test('failures: a name used twice across sources, a broken annotation, a broken file', async () => {
  const [first] = await files({ 'one.yaml': doc('same') });
  const sources = documentSources([first ?? '']);
  const duplicate = await sources.forCall(vmi(doc('same')), { annotations: true });
  assert.ok(!duplicate.ok);
  assert.deepEqual(
    duplicate.errors.map((e) => [e.code, e.location.source]),
    [['DUPLICATE_NAME', ANNOTATION_SOURCE]],
  );

  const broken = await sources.forCall(vmi('domain:\n  - op: sett\n'), { annotations: true });
  assert.ok(!broken.ok);
  assert.deepEqual(
    broken.errors.map((e) => [e.code, e.location.source, e.location.line]),
    [['UNKNOWN_OP', ANNOTATION_SOURCE, 2]],
  );

  const [bad] = await files({ 'bad.yaml': 'domain: [\n' });
  const badFile = await documentSources([bad ?? '']).fileDocuments();
  assert.ok(!badFile.ok);
  assert.equal(badFile.errors[0]?.location.source, bad);
});

test('cloud-init operations in any of cloudInit, userData, networkData subscribe PreCloudInitIso', async () => {
  const rows: ReadonlyArray<[string, boolean]> = [
    ['domain', false],
    ['cloudInit', true],
    ['userData', true],
    ['networkData', true],
  ];
  for (const [list, expected] of rows) {
    const text = `${list}:\n  - op: remove\n    path: ${list === 'domain' ? '/domain/x' : '/x'}\n`;
    const loaded = await documentSources(await files({ 'p.yaml': text })).fileDocuments();
    assert.ok(loaded.ok, list);
    assert.equal(hasCloudInitOperations(loaded.documents), expected, list);
  }
});
