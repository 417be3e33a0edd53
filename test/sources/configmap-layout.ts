/** A directory laid out the way the kubelet mounts a ConfigMap: keys are links through `..data` to a hidden version directory. */
import { mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The kubelet's atomic writer, step by step: the new version directory, `..data` renamed over to
 * it, the key links; the old version is removed by `removeVersion`. Synchronous, so a test can run
 * it between two file-system calls of the code under test and know nothing else moved meanwhile.
 */
export function publishVersion(
  dir: string,
  version: string,
  files: Readonly<Record<string, string>>,
): string {
  const folder = `..${version}`;
  mkdirSync(join(dir, folder));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, folder, name), text);
  symlinkSync(folder, join(dir, '..data_tmp'));
  renameSync(join(dir, '..data_tmp'), join(dir, '..data'));
  for (const name of Object.keys(files)) {
    try {
      symlinkSync(join('..data', name), join(dir, name));
    } catch {
      // the key's link exists from an earlier version
    }
  }
  return folder;
}

/** One file of an old version directory, as `rm -r` takes them one at a time. */
export function removeVersionFile(dir: string, folder: string, name: string): void {
  rmSync(join(dir, folder, name), { force: true });
}

export function removeVersion(dir: string, folder: string): void {
  rmSync(join(dir, folder), { recursive: true, force: true });
}
