/** The built command line, dist/cli/main.js (what the image runs), bundled again when a source is newer than it. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const ENTRY = join(ROOT, 'dist', 'cli', 'main.js');
/** What the bundle is made from. */
const INPUTS = [
  'src',
  'scripts/bundle.mjs',
  'scripts/html-entities-on-demand.mjs',
  'package-lock.json',
].map((path) => join(ROOT, path));

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...readdirSync(path).map((entry) => newestChange(join(path, entry))),
  );
}

/**
 * The entry's absolute path. `npm test` bundles once before any test file runs, so files run in
 * parallel never rebuild under each other; a test file run alone rebuilds here (esbuild, ≈ 1 s).
 */
export function builtBundle(): string {
  if (!existsSync(ENTRY) || Math.max(...INPUTS.map(newestChange)) > statSync(ENTRY).mtimeMs) {
    const bundled = spawnSync(process.execPath, ['scripts/bundle.mjs'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (bundled.status !== 0) throw new Error(`scripts/bundle.mjs failed:\n${bundled.stderr}`);
  }
  return ENTRY;
}
