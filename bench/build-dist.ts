/** Make sure `dist/` is built from the current sources before the served process is measured from it. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface DistState {
  readonly entry: string;
  readonly rebuilt: boolean;
  /** the compiler's complaints when the build had errors (it still emits, so the bench goes on) */
  readonly warnings?: string;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Rebuilds with `npm run build` (tsc, then the esbuild bundles the image runs) when any file under src/ or the bundle script is newer than dist/cli/main.js. */
export function ensureDist(root: string, force: boolean): DistState {
  const entry = join(root, 'dist', 'cli', 'main.js');
  const newest = Math.max(
    newestMtime(join(root, 'src')),
    statSync(join(root, 'scripts', 'bundle.mjs')).mtimeMs,
  );
  const stale = !existsSync(entry) || newest > statSync(entry).mtimeMs;
  if (!stale && !force) return { entry, rebuilt: false };
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
  if (!existsSync(entry))
    throw new Error(`npm run build produced no ${entry}:\n${build.stdout}${build.stderr}`);
  const output = `${build.stdout}${build.stderr}`.trim();
  return {
    entry,
    rebuilt: true,
    ...(build.status === 0 || output === '' ? {} : { warnings: output }),
  };
}

/**
 * The V8 code cache of dist/cli/serve.cjs for the node that will run it and the flags it will
 * run with (`scripts/code-cache.ts`, as the image's build stage does); why not, when it fails.
 */
export function makeCodeCache(
  root: string,
  nodePath: string,
  flags: readonly string[] | undefined,
): string | undefined {
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'scripts', 'code-cache.ts'),
      '--node',
      nodePath,
      ...(flags === undefined ? [] : [`--flags=${flags.join(' ')}`]),
    ],
    { cwd: root, encoding: 'utf8' },
  );
  return run.status === 0 ? undefined : `${run.stdout}${run.stderr}`.trim().slice(-1000);
}
