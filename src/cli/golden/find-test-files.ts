/** The `hookpatch-test.yaml` files under the paths `hookpatch test` is given, in path order. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../usage-error.js';

export const TEST_FILE_NAME = 'hookpatch-test.yaml';

/** Hidden entries and node_modules are not searched; a file named on the command line is taken as it is. */
function walk(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.') && entry.name !== 'node_modules')
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) return walk(path);
      return entry.name === TEST_FILE_NAME ? [path] : [];
    });
}

export function findTestFiles(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    const info = statSync(path, { throwIfNoEntry: false });
    if (info === undefined) throw new UsageError(`${path}: no such file or directory`);
    return info.isDirectory() ? walk(path) : [path];
  });
}
