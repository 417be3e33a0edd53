/**
 * `serve` for the ES module command line (`node dist/cli/main.js serve`, and the sources under
 * tsx): the one-file bundle with its code cache when there is a build, else the modules.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileServeBundle, type CodeCacheState, type ServeEntry } from './serve-bundle.js';

/** `../cli/`: this module may be bundled into dist/chunks/, next to dist/cli/. */
export async function loadServe(): Promise<{ entry: ServeEntry; codeCache: CodeCacheState }> {
  const bundle = fileURLToPath(new URL('../cli/serve.cjs', import.meta.url));
  if (!existsSync(bundle))
    return { entry: await import('../cli/serve-entry.js'), codeCache: 'not a bundle' };
  const compiled = compileServeBundle(bundle);
  return { entry: compiled.exports, codeCache: compiled.codeCache };
}
