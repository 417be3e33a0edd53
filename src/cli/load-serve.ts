/**
 * `serve` for the ES module command line (`node dist/cli/main.js serve`, and the sources under
 * tsx): the one-file bundle with its code cache when there is a build, else the modules.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { compileServeBundle, type CodeCacheState, type ServeEntry } from './serve-bundle.js';
import { startupV8Flags } from './startup-v8-flags.js';

export interface LoadedServe {
  readonly entry: ServeEntry;
  readonly codeCache: CodeCacheState;
  /** the V8 flags start-up set to their defaults, set again (cli/startup-v8-flags.ts) */
  readonly serving?: () => void;
}

/** `../cli/`: this module may be bundled into dist/chunks/, next to dist/cli/. */
export async function loadServe(): Promise<LoadedServe> {
  const bundle = fileURLToPath(new URL('../cli/serve.cjs', import.meta.url));
  if (!existsSync(bundle))
    return { entry: await import('../cli/serve-entry.js'), codeCache: 'not a bundle' };
  // as dist/cli/hookpatch.cjs does, so that V8 takes the cache made in the same state
  const flags = startupV8Flags(process.execArgv, setFlagsFromString);
  flags.atStart();
  const compiled = compileServeBundle(bundle);
  return { entry: compiled.exports, codeCache: compiled.codeCache, serving: flags.serving };
}
