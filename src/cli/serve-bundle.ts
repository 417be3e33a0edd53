/**
 * Runs `serve`'s one-file bundle, `dist/cli/serve.cjs`, compiled with the V8 code cache
 * `scripts/code-cache.ts` made for it (the image makes one with its own node and flags): no
 * parsing or compiling of the functions a call runs, which under a 200m CPU quota was a fifth of
 * the start. Without a cache, or with one V8 refuses (another node version, other V8 flags), the
 * bundle is compiled as usual.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

export type ServeEntry = typeof import('../cli/serve-entry.js');

/** How the code cache fared: what the `code cache` log line and the benchmark report. */
export type CodeCacheState = 'used' | 'rejected' | 'absent' | 'not a bundle';

export interface CompiledBundle {
  readonly script: Script;
  readonly exports: ServeEntry;
  readonly codeCache: CodeCacheState;
}

/** `/*! hookpatch serve <id> *\/`: the first line of the bundle names its cache file. */
const BUILD_ID = /^\/\*! hookpatch serve ([0-9a-f]{16}) \*\//;

export function codeCachePath(bundlePath: string, source: string): string | undefined {
  const id = BUILD_ID.exec(source)?.[1];
  return id === undefined ? undefined : `${bundlePath}.${id}.cache`;
}

/** Runs the bundle as CommonJS; the wrapper is part of the cached code, so it never changes. */
export function compileServeBundle(bundlePath: string, withCache = true): CompiledBundle {
  const source = readFileSync(bundlePath, 'utf8');
  const cachePath = withCache ? codeCachePath(bundlePath, source) : undefined;
  const cachedData =
    cachePath !== undefined && existsSync(cachePath) ? readFileSync(cachePath) : undefined;
  const script = new Script(
    `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
    { filename: bundlePath, ...(cachedData === undefined ? {} : { cachedData }) },
  );
  const module = { exports: {} };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run(module.exports, createRequire(bundlePath), module, bundlePath, dirname(bundlePath));
  return {
    script,
    exports: module.exports as ServeEntry,
    codeCache:
      cachedData === undefined
        ? 'absent'
        : script.cachedDataRejected === true
          ? 'rejected'
          : 'used',
  };
}
