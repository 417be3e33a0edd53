/** Loaded patch files by path, compiled again only when a file's version (device, inode, mtime, size) changes. */
import { loadDocuments, type LoadResult, type Limits } from '../engine/index.js';
import type { SourceFileSystem } from './file-system.js';
import { readSourceText } from './read-source-text.js';
import type { Loaded, SourceFile } from './source-walk.js';

export interface DocumentCache {
  load(file: SourceFile): Promise<Loaded<LoadResult>>;
  /** forget every path but these (files no longer listed) */
  keepOnly(paths: ReadonlySet<string>): void;
}

export function documentCache(fs: SourceFileSystem, limits: Limits): DocumentCache {
  const entries = new Map<string, { version: string; loaded: Promise<Loaded<LoadResult>> }>();

  async function read(file: SourceFile): Promise<Loaded<LoadResult>> {
    const text = await readSourceText(fs, file, limits.maxSourceLength);
    if (!text.ok) return text;
    return {
      ok: true,
      value: loadDocuments(text.value, { source: file.path, origin: 'file' }, limits),
    };
  }

  function load(file: SourceFile): Promise<Loaded<LoadResult>> {
    const hit = entries.get(file.path);
    if (hit !== undefined && hit.version === file.version) return hit.loaded;
    // concurrent calls share one read; a failed read is not kept, so the next call tries again
    const loaded = read(file).then((result) => {
      if (!result.ok && entries.get(file.path)?.loaded === loaded) entries.delete(file.path);
      return result;
    });
    entries.set(file.path, { version: file.version, loaded });
    return loaded;
  }

  function keepOnly(paths: ReadonlySet<string>): void {
    for (const path of entries.keys()) if (!paths.has(path)) entries.delete(path);
  }

  return { load, keepOnly };
}
