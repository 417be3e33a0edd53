/** The `--patch` paths expanded per call: a file is itself, a directory is its `*.yaml|*.yml|*.json` entries by name. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { patchFile, type FileLoad, type PatchFile } from './patch-file.js';

const PATCH_FILE_NAME = /\.(ya?ml|json)$/;

/** SPEC §2: entries starting with `.` (a ConfigMap's `..data`, `..2026_…` links) are skipped. */
export function isPatchFileName(name: string): boolean {
  return !name.startsWith('.') && PATCH_FILE_NAME.test(name);
}

export interface PatchPaths {
  readonly paths: readonly string[];
  /** Every file's load, in `--patch` order and by name within a directory. */
  loadAll(): Promise<readonly FileLoad[]>;
}

export function patchPaths(paths: readonly string[]): PatchPaths {
  const files = new Map<string, PatchFile>();

  function fileAt(path: string): PatchFile {
    let file = files.get(path);
    if (file === undefined) {
      file = patchFile(path);
      files.set(path, file);
    }
    return file;
  }

  async function filesOf(path: string): Promise<readonly string[]> {
    const info = await stat(path).catch(() => undefined);
    // A missing path is loaded as a file so that its absence is reported like any unreadable file.
    if (info === undefined || !info.isDirectory()) return [path];
    const names = await readdir(path).catch(() => undefined);
    // An unreadable directory is reported through the failing read of the path itself.
    if (names === undefined) return [path];
    return names.filter(isPatchFileName).sort().map((name) => join(path, name));
  }

  async function loadAll(): Promise<readonly FileLoad[]> {
    const expanded = (await Promise.all(paths.map(filesOf))).flat();
    return Promise.all(expanded.map((path) => fileAt(path).load()));
  }

  return { paths, loadAll };
}
