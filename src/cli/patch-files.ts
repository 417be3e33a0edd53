/** The files a list of `--patch` arguments names: a file is itself, a directory its `*.yaml|*.yml|*.json|*.xml` entries by name. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isPatchFileName } from '../engine/load/patch-file-name.js';
import { UsageError } from './usage-error.js';

/** SPEC §2: entries starting with `.` (a ConfigMap's `..data` links) are skipped; `validate` also descends into sub-directories. */
export function patchFiles(
  paths: readonly string[],
  options: { readonly recursive: boolean },
): string[] {
  return paths.flatMap((path) => {
    if (path === '-') return [path];
    const info = statSync(path, { throwIfNoEntry: false });
    if (info === undefined) throw new UsageError(`patch ${path}: no such file or directory`);
    return info.isDirectory() ? directoryFiles(path, options.recursive) : [path];
  });
}

function directoryFiles(directory: string, recursive: boolean): string[] {
  const entries = readdirSync(directory, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return entries.flatMap((entry) => {
    const path = join(directory, entry.name);
    // A ConfigMap mount links each key to `..data/KEY`: follow links as the server does.
    const isDirectory =
      entry.isDirectory() ||
      (entry.isSymbolicLink() && statSync(path, { throwIfNoEntry: false })?.isDirectory() === true);
    if (isDirectory) return recursive ? directoryFiles(path, recursive) : [];
    return isPatchFileName(entry.name) ? [path] : [];
  });
}
