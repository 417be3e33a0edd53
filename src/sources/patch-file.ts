/** One patch file, re-read only when its mtime or size changes, so a ConfigMap update reaches the next call. */
import { readFile, stat } from 'node:fs/promises';
import { loadDocuments, type LoadResult } from '../engine/index.js';
import type { Limits } from '../engine/limits.js';

/** A loaded file, or why it could not be read at all. */
export type FileLoad =
  | { readonly ok: true; readonly path: string; readonly result: LoadResult }
  | {
      readonly ok: false;
      readonly path: string;
      readonly message: string;
      readonly missing: boolean;
    };

export interface PatchFile {
  readonly path: string;
  /**
   * The current content's documents; a cheap stat when nothing changed. `from` is where to read
   * it (a ConfigMap's version directory), when that is not `path` itself.
   */
  load(from?: string): Promise<FileLoad>;
}

function unreadable(path: string, error: unknown): FileLoad {
  const missing = error instanceof Error && 'code' in error && error.code === 'ENOENT';
  return {
    ok: false,
    path,
    message: `${path}: cannot read patch file: ${error instanceof Error ? error.message : String(error)}`,
    missing,
  };
}

export function patchFile(path: string, limits?: Limits): PatchFile {
  let cached: { readonly key: string; readonly load: Promise<FileLoad> } | undefined;

  async function read(from: string): Promise<FileLoad> {
    try {
      // One read of the whole file, so a call never sees half of an old and half of a new version.
      const text = await readFile(from, 'utf8');
      return {
        ok: true,
        path,
        result: loadDocuments(text, { source: path, origin: 'file' }, limits),
      };
    } catch (error) {
      return unreadable(path, error);
    }
  }

  async function load(from = path): Promise<FileLoad> {
    let key: string;
    try {
      // stat follows symlinks: a ConfigMap swaps `..data`, and the target's mtime/inode change.
      const info = await stat(from);
      key = `${info.ino}:${info.mtimeMs}:${info.size}`;
    } catch (error) {
      cached = undefined;
      return unreadable(path, error);
    }
    if (cached?.key !== key) cached = { key, load: read(from) };
    return cached.load;
  }

  return { path, load };
}
