/** The `--patch` paths expanded per call: a file is itself, a directory is its `*.yaml|*.yml|*.json` entries by name. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Limits } from '../engine/limits.js';
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

export function patchPaths(paths: readonly string[], limits?: Limits): PatchPaths {
  const files = new Map<string, PatchFile>();

  function fileAt(path: string): PatchFile {
    let file = files.get(path);
    if (file === undefined) {
      file = patchFile(path, limits);
      files.set(path, file);
    }
    return file;
  }

  /** The files of one `--patch` path; `listed` when they come from a directory listing. */
  async function filesOf(path: string): Promise<readonly { readonly path: string; readonly listed: boolean }[]> {
    const info = await stat(path).catch(() => undefined);
    // A missing path is loaded as a file so that its absence is reported like any unreadable file.
    if (info === undefined || !info.isDirectory()) return [{ path, listed: false }];
    const names = await readdir(path).catch(() => undefined);
    // An unreadable directory is reported through the failing read of the path itself.
    if (names === undefined) return [{ path, listed: false }];
    return names.filter(isPatchFileName).sort().map((name) => ({ path: join(path, name), listed: true }));
  }

  async function loadAll(): Promise<readonly FileLoad[]> {
    const expanded = (await Promise.all(paths.map(filesOf))).flat();
    const loads = await Promise.all(expanded.map(async (file) => ({ file, load: await fileAt(file.path).load() })));
    // A listed file that vanished is a ConfigMap update in progress (a key's link removed after `..data` moved): it is gone, not broken.
    return loads.filter(({ file, load }) => load.ok || !(file.listed && load.missing)).map(({ load }) => load);
  }

  return { paths, loadAll };
}
