/** `--patch` paths on a real file system: files, directories, ConfigMap mounts, and what is not a patch file. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, open, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { SourceFileSystem } from '../../src/sources/file-system.js';
import { documentSources, type SourceNote } from '../../src/sources/index.js';
import { nodeFileSystem } from '../../src/sources/node-file-system.js';
import { walkPatchPaths } from '../../src/sources/walk-patch-paths.js';
import { publishVersion } from './configmap-layout.js';

const doc = (name: string): string =>
  `apiVersion: hookpatch.io/v1alpha1\nkind: Patch\nmetadata:\n  name: ${name}\nspec:\n  domain: []\n`;

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'hookpatch-walk-'));
}

/** The real file system, counting the files it reads. */
function countingFs(): { fs: SourceFileSystem; reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    fs: {
      ...nodeFileSystem,
      readText: (path, maxBytes) => {
        reads.push(path);
        return nodeFileSystem.readText(path, maxBytes);
      },
    },
  };
}

const names = async (sources: ReturnType<typeof documentSources>): Promise<string[]> => {
  const loaded = await sources.fileDocuments();
  assert.ok(loaded.ok, JSON.stringify(loaded));
  return loaded.documents.map((document) => document.name);
};

test('a ConfigMap directory: keys by name through ..data, an unchanged key not read again, an update seen', async () => {
  const dir = await tempDir();
  publishVersion(dir, '2026_01_01_00_00_00.1', {
    'b.yaml': doc('second'),
    'a.yml': doc('first'),
    'c.json': '[]',
    'notes.txt': 'not a patch',
  });
  const { fs, reads } = countingFs();
  const sources = documentSources([dir], { fs });
  assert.deepEqual(await names(sources), ['first', 'second']);
  assert.equal(reads.length, 3);
  assert.deepEqual(await names(sources), ['first', 'second']);
  assert.equal(reads.length, 3, 'nothing changed, nothing read');
  publishVersion(dir, '2026_01_01_00_01_00.2', {
    'b.yaml': doc('second-updated'),
    'a.yml': doc('first'),
  });
  assert.deepEqual(await names(sources), ['first', 'second-updated']);
  // a key removed by the update leaves a dangling link at the top until the kubelet deletes it: not a source
  await symlink(join('..data', 'removed.yaml'), join(dir, 'removed.yaml'));
  assert.deepEqual(await names(sources), ['first', 'second-updated']);
});

test('files in --patch order; a missing path is a source failure naming it', async () => {
  const dir = await tempDir();
  await writeFile(join(dir, 'z.yaml'), doc('zed'));
  await writeFile(join(dir, 'a.yaml'), doc('ay'));
  assert.deepEqual(await names(documentSources([join(dir, 'z.yaml'), join(dir, 'a.yaml')])), [
    'zed',
    'ay',
  ]);
  const missing = await documentSources([
    join(dir, 'a.yaml'),
    join(dir, 'gone.yaml'),
  ]).fileDocuments();
  assert.ok(!missing.ok);
  assert.deepEqual(
    missing.errors.map((error) => [error.code, error.location.source]),
    [['SOURCE_UNREADABLE', join(dir, 'gone.yaml')]],
  );
});

/** Special files, made on the spot: each is refused as a patch source, at once. */
const specials: ReadonlyArray<{ name: string; make: (path: string) => Promise<unknown> }> = [
  { name: 'a FIFO', make: async (path) => execFileSync('mkfifo', [path]) },
  { name: 'a link to /dev/zero', make: (path) => symlink('/dev/zero', path) },
  {
    name: 'a socket',
    make: (path) =>
      new Promise<void>((resolve) => {
        const server = createServer().listen(path, () => {
          server.unref();
          resolve();
        });
      }),
  },
];

for (const { name, make } of specials) {
  test(`${name} is not a patch source: named by --patch or listed in a directory`, async () => {
    const dir = await tempDir();
    await make(join(dir, 'p.yaml'));
    for (const path of [join(dir, 'p.yaml'), dir]) {
      const walk = await walkPatchPaths([path], { fs: nodeFileSystem, recursive: false }, () => {
        throw new Error('nothing is loaded');
      });
      assert.deepEqual(
        walk.problems.map((problem) => [problem.kind, problem.path]),
        [['not regular', join(dir, 'p.yaml')]],
      );
    }
  });
}

test('a sparse 1 GB file is refused by its size, before it is read', async () => {
  const dir = await tempDir();
  const handle = await open(join(dir, 'big.yaml'), 'w');
  await handle.truncate(1024 ** 3);
  await handle.close();
  const loaded = await documentSources([dir]).fileDocuments();
  assert.ok(!loaded.ok);
  assert.deepEqual(
    loaded.errors.map((error) => [error.code, error.location.source]),
    [['LIMIT_EXCEEDED', join(dir, 'big.yaml')]],
  );
});

test('a file whose size lies (procfs says 0) is still read only to the limit + 1', async () => {
  const read = await nodeFileSystem.readText('/proc/self/maps', 10);
  assert.ok(read.ok);
  assert.deepEqual(read.value, { kind: 'too large', bytes: 11, limit: 10 });
});

test('a dangling link in a directory is skipped and told once, until it changes', async () => {
  const dir = await tempDir();
  const elsewhere = join(await tempDir(), 'target.yaml');
  await writeFile(join(dir, 'a.yaml'), doc('ay'));
  await symlink(elsewhere, join(dir, 'b.yaml'));
  const told: (readonly SourceNote[])[] = [];
  const sources = documentSources([dir], { onNotes: (notes) => told.push(notes) });
  assert.deepEqual(await names(sources), ['ay']);
  assert.deepEqual(await names(sources), ['ay']);
  assert.deepEqual(told, [[{ kind: 'dangling link', path: join(dir, 'b.yaml') }]]);
  await writeFile(elsewhere, doc('bee'));
  assert.deepEqual(await names(sources), ['ay', 'bee']);
  assert.deepEqual(told.at(-1), []);
});

test('recursive (validate): sub-directories in name order, a ConfigMap mount inside read through ..data', async () => {
  const dir = await tempDir();
  await mkdir(join(dir, 'b'));
  await mkdir(join(dir, 'cm'));
  await writeFile(join(dir, 'a.yaml'), doc('a'));
  await writeFile(join(dir, 'b', 'x.yaml'), doc('b-x'));
  await writeFile(join(dir, 'c.yaml'), doc('c'));
  publishVersion(join(dir, 'cm'), '2026_01_01_00_00_00.1', { 'k.yaml': doc('cm-k') });
  const walk = await walkPatchPaths(
    [dir],
    { fs: nodeFileSystem, recursive: true },
    async (file) => ({ ok: true, value: file.path }),
  );
  assert.deepEqual(
    walk.files.map(({ value }) => value.slice(dir.length + 1)),
    ['a.yaml', 'b/x.yaml', 'c.yaml', 'cm/k.yaml'],
  );
});
