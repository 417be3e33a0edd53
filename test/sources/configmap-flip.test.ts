/**
 * A ConfigMap update racing a read, driven on purpose: the kubelet's steps (publish the new version,
 * then delete the old one file by file) are run between chosen file-system calls of the reader, for
 * every call position and spacing. Each read must give exactly one version, whole — never a subset,
 * never a mix — or, when `..data` moves during every attempt, a clear failure.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { SourceFileSystem } from '../../src/sources/file-system.js';
import { documentSources } from '../../src/sources/index.js';
import { nodeFileSystem } from '../../src/sources/node-file-system.js';
import { CONFIGMAP_ATTEMPTS } from '../../src/sources/read-configmap.js';
import { publishVersion, removeVersion, removeVersionFile } from './configmap-layout.js';

const KEYS = ['a.yaml', 'b.yaml', 'c.yaml'];

function versionFiles(n: number): Record<string, string> {
  return Object.fromEntries(
    KEYS.map((key) => [
      key,
      `apiVersion: hookpatch.io/v1alpha1\nkind: Patch\nmetadata: {name: ${key[0]}-${n}}\nspec: {domain: []}\n`,
    ]),
  );
}

/** The real file system; before its call number `i` (counting from 0) it runs `steps[i]`. */
function scriptedFs(steps: ReadonlyMap<number, readonly (() => void)[]>): SourceFileSystem {
  let calls = 0;
  const before = (): void => {
    for (const step of steps.get(calls) ?? []) step();
    calls += 1;
  };
  return {
    stat: async (path) => (before(), nodeFileSystem.stat(path)),
    lstat: async (path) => (before(), nodeFileSystem.lstat(path)),
    readdir: async (path) => (before(), nodeFileSystem.readdir(path)),
    readlink: async (path) => (before(), nodeFileSystem.readlink(path)),
    readText: async (path, max) => (before(), nodeFileSystem.readText(path, max)),
  };
}

/** Full-form names: `a-1`, `b-1`, `c-1` is version 1 whole. */
function versionOf(names: readonly string[]): number | undefined {
  const versions = new Set(names.map((name) => name.split('-')[1]));
  const [only] = versions;
  return names.length === KEYS.length && versions.size === 1 ? Number(only) : undefined;
}

/** The kubelet's update from version 1 to 2 as separate steps, the first at `start`, then each `gaps[i]` calls later. */
function update(dir: string, oldFolder: string, start: number, gaps: readonly number[]) {
  const steps: (() => void)[] = [
    () => void publishVersion(dir, '2026_02_02_00_00_00.2', versionFiles(2)),
    ...KEYS.map((key) => () => removeVersionFile(dir, oldFolder, key)),
    () => removeVersion(dir, oldFolder),
  ];
  const schedule = new Map<number, (() => void)[]>();
  let at = start;
  for (const [index, step] of steps.entries()) {
    if (index > 0) at += gaps[index - 1] ?? 0;
    schedule.set(at, [...(schedule.get(at) ?? []), step]);
  }
  return schedule;
}

const SPACINGS = [0, 1, 3];
const STARTS = 14;

test(`a ConfigMap update at every call position (${STARTS} starts × ${SPACINGS.length ** 4} spacings): one whole version each time`, async () => {
  const seen = new Map<number, number>();
  for (let start = 0; start < STARTS; start += 1) {
    for (const gaps of spacings(4)) {
      const dir = mkdtempSync(join(tmpdir(), 'hookpatch-flip-'));
      const oldFolder = publishVersion(dir, '2026_01_01_00_00_00.1', versionFiles(1));
      const sources = documentSources([dir], {
        fs: scriptedFs(update(dir, oldFolder, start, gaps)),
      });
      const loaded = await sources.fileDocuments();
      assert.ok(loaded.ok, `start ${start}, gaps ${gaps.join(',')}: ${JSON.stringify(loaded)}`);
      const version = versionOf(loaded.documents.map((document) => document.name));
      assert.ok(
        version !== undefined,
        `start ${start}, gaps ${gaps.join(',')}: ${loaded.documents.map((d) => d.name).join(' ')}`,
      );
      seen.set(version, (seen.get(version) ?? 0) + 1);
    }
  }
  // the sweep covers both sides of the flip: reads that kept version 1 and reads that saw version 2
  assert.deepEqual([...seen.keys()].sort(), [1, 2]);
});

test('a cached version is never mixed with a new one: a warm reader during an update', async () => {
  for (let start = 0; start < STARTS; start += 1) {
    const dir = mkdtempSync(join(tmpdir(), 'hookpatch-flip-'));
    const oldFolder = publishVersion(dir, '2026_01_01_00_00_00.1', versionFiles(1));
    let script: ReadonlyMap<number, readonly (() => void)[]> = new Map();
    let fs = scriptedFs(script);
    const sources = documentSources([dir], {
      fs: {
        stat: (path) => fs.stat(path),
        lstat: (path) => fs.lstat(path),
        readdir: (path) => fs.readdir(path),
        readlink: (path) => fs.readlink(path),
        readText: (path, max) => fs.readText(path, max),
      },
    });
    const warm = await sources.fileDocuments();
    assert.ok(warm.ok && versionOf(warm.documents.map((d) => d.name)) === 1);
    script = update(dir, oldFolder, start, [0, 0, 0, 0]);
    fs = scriptedFs(script);
    const during = await sources.fileDocuments();
    assert.ok(during.ok, `start ${start}`);
    assert.notEqual(versionOf(during.documents.map((d) => d.name)), undefined, `start ${start}`);
  }
});

test(`..data moving during every one of ${CONFIGMAP_ATTEMPTS} reads fails the read, naming the directory`, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hookpatch-flip-'));
  publishVersion(dir, '2026_01_01_00_00_00.1', versionFiles(1));
  let next = 2;
  const restless: SourceFileSystem = {
    ...nodeFileSystem,
    readText: async (path, max) => {
      publishVersion(dir, `2026_01_01_00_00_00.${next}`, versionFiles(next));
      next += 1;
      return nodeFileSystem.readText(path, max);
    },
  };
  const loaded = await documentSources([dir], { fs: restless }).fileDocuments();
  assert.ok(!loaded.ok);
  assert.deepEqual(
    loaded.errors.map((error) => [error.code, error.location.source]),
    [['SOURCE_UNREADABLE', dir]],
  );
  assert.equal(next - 2, CONFIGMAP_ATTEMPTS * KEYS.length);
});

function* spacings(count: number): Generator<readonly number[]> {
  if (count === 0) {
    yield [];
    return;
  }
  for (const first of SPACINGS) for (const rest of spacings(count - 1)) yield [first, ...rest];
}
