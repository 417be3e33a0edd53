/** `--patch` paths: files and directories, a mounted ConfigMap's `..data` layout, re-reads only on change. */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rename, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { isPatchFileName } from '../../src/engine/load/patch-file-name.js';
import { patchPaths } from '../../src/sources/patch-paths.js';

const doc = (name: string): string =>
  `apiVersion: hookpatch.io/v1alpha1\nkind: Patch\nmetadata:\n  name: ${name}\nspec:\n  domain: []\n`;

test('patch file names: yaml, yml, json and RFC 5261 xml, never dot entries', () => {
  const rows: ReadonlyArray<[string, boolean]> = [
    ['a.yaml', true],
    ['b.yml', true],
    ['c.json', true],
    ['d.xml', true],
    ['notes.txt', false],
    ['..data', false],
    ['.hidden.yaml', false],
    ['yaml', false],
  ];
  for (const [name, expected] of rows) assert.equal(isPatchFileName(name), expected, name);
});

/** Lays out a directory the way the kubelet mounts a ConfigMap: keys are links through `..data` to a timestamped folder. */
async function configMapVersion(
  dir: string,
  version: string,
  files: Readonly<Record<string, string>>,
): Promise<void> {
  const folder = join(dir, `..${version}`);
  await mkdir(folder);
  for (const [name, text] of Object.entries(files)) await writeFile(join(folder, name), text);
  await symlink(`..${version}`, join(dir, '..data_tmp'));
  await rename(join(dir, '..data_tmp'), join(dir, '..data'));
  for (const name of Object.keys(files))
    await symlink(join('..data', name), join(dir, name)).catch(() => undefined);
}

test('a ConfigMap directory: keys by name, links followed, an update seen on the next load', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'hookpatch-cm-'));
  await configMapVersion(dir, '2026_01_01_00_00_00.1', {
    'b.yaml': doc('second'),
    'a.yml': doc('first'),
    'c.json': '[]',
    'notes.txt': 'not a patch',
  });
  const paths = patchPaths([dir]);
  const loads = await paths.loadAll();
  assert.deepEqual(
    loads.map((load) => load.path),
    ['a.yml', 'b.yaml', 'c.json'].map((name) => join(dir, name)),
  );
  const names = loads.flatMap((load) =>
    load.ok ? load.result.documents.map((d) => d.name) : [load.message],
  );
  assert.deepEqual(names, ['first', 'second']);

  const again = await paths.loadAll();
  assert.equal(again[0], loads[0], 'an unchanged file is not re-read');

  await configMapVersion(dir, '2026_01_01_00_01_00.2', {
    'b.yaml': doc('second-updated'),
    'a.yml': doc('first'),
    'c.json': '[]',
  });
  const updated = await paths.loadAll();
  const updatedNames = updated.flatMap((load) =>
    load.ok ? load.result.documents.map((d) => d.name) : [],
  );
  assert.deepEqual(updatedNames, ['first', 'second-updated']);

  // A key removed by the update: its link dangles until the kubelet deletes it; the file is gone, not broken.
  await symlink(join('..data', 'removed.yaml'), join(dir, 'removed.yaml'));
  const during = await paths.loadAll();
  assert.deepEqual(
    during.map((load) => [load.path, load.ok]),
    [
      [join(dir, 'a.yml'), true],
      [join(dir, 'b.yaml'), true],
      [join(dir, 'c.json'), true],
    ],
  );
});

test('files in --patch order; a missing file is reported, not thrown', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'hookpatch-files-'));
  await writeFile(join(dir, 'z.yaml'), doc('zed'));
  await writeFile(join(dir, 'a.yaml'), doc('ay'));
  const loads = await patchPaths([
    join(dir, 'z.yaml'),
    join(dir, 'a.yaml'),
    join(dir, 'gone.yaml'),
  ]).loadAll();
  assert.deepEqual(
    loads.map((load) => load.ok),
    [true, true, false],
  );
  const missing = loads[2];
  assert.ok(
    missing !== undefined && !missing.ok && missing.message.startsWith(join(dir, 'gone.yaml')),
  );
});
