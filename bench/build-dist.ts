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

/** Rebuilds with `npm run build` (tsc, then the esbuild bundle the image runs) when any file under src/ is newer than dist/cli/main.js. */
export function ensureDist(root: string, force: boolean): DistState {
  const entry = join(root, 'dist', 'cli', 'main.js');
  const stale = !existsSync(entry) || newestMtime(join(root, 'src')) > statSync(entry).mtimeMs;
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
