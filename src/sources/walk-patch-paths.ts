/** The files patch paths name, in order, each handed to a loader: files, directories, ConfigMap mounts read whole. */
import { join } from 'node:path';
import { isMissing } from './file-system.js';
import { planDirectory } from './plan-directory.js';
import { readConfigMap } from './read-configmap.js';
import {
  joinWalks,
  loadOne,
  lookAt,
  problemWalk,
  type LoadFile,
  type Walk,
  type WalkOptions,
} from './source-walk.js';

export async function walkPatchPaths<T>(
  paths: readonly string[],
  options: WalkOptions,
  load: LoadFile<T>,
): Promise<Walk<T>> {
  const walks: Walk<T>[] = [];
  for (const path of paths) walks.push(await walkPath(path, options, load));
  return joinWalks(walks);
}

async function walkPath<T>(
  path: string,
  options: WalkOptions,
  load: LoadFile<T>,
): Promise<Walk<T>> {
  if (path === '-' && options.stdin === true)
    return loadOne({ path, from: path, version: '-' }, load, 'report');
  const info = await options.fs.stat(path);
  if (!info.ok)
    return problemWalk(
      isMissing(info)
        ? { kind: 'missing', path }
        : { kind: 'unreadable', path, message: info.message },
    );
  switch (info.value.kind) {
    case 'directory':
      return readDirectory(path, options, load);
    case 'file':
      return loadOne({ path, from: path, version: info.value.version }, load, 'report');
    default:
      return problemWalk({ kind: 'not regular', path, what: info.value.kind });
  }
}

/** A directory, or a ConfigMap mount (its `..data` link names the version to read). */
async function readDirectory<T>(
  dir: string,
  options: WalkOptions,
  load: LoadFile<T>,
): Promise<Walk<T>> {
  const version = await options.fs.readlink(join(dir, '..data'));
  if (version.ok) return readConfigMap(dir, version.value, options, load);
  const names = await options.fs.readdir(dir);
  if (!names.ok) return problemWalk({ kind: 'unreadable', path: dir, message: names.message });
  const looked = await lookAt(dir, names.value, options);
  const walks: Walk<T>[] = [];
  for (const action of planDirectory(looked.entries, options)) {
    const path = join(dir, action.name);
    switch (action.action) {
      case 'read': {
        const version = looked.versions.get(action.name) ?? '';
        // a file deleted since the listing is simply no longer there
        walks.push(await loadOne({ path, from: path, version }, load, 'skip'));
        break;
      }
      case 'descend':
        walks.push(await readDirectory(path, options, load));
        break;
      case 'refuse':
        walks.push(problemWalk({ kind: 'not regular', path, what: action.what }));
        break;
      case 'note dangling':
        walks.push({ files: [], notes: [{ kind: 'dangling link', path }], problems: [] });
        break;
    }
  }
  return joinWalks(walks);
}
