/**
 * A ConfigMap mounted as a directory, read as one version or not at all. The kubelet writes each
 * version into a new hidden directory, points `..data` at it by renaming a link over the old one,
 * then deletes the previous directory; a version directory never changes once `..data` names it.
 */
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isMissing } from './file-system.js';
import { planDirectory } from './plan-directory.js';
import {
  joinWalks,
  lookAt,
  problemWalk,
  type LoadFile,
  type Walk,
  type WalkOptions,
} from './source-walk.js';

/**
 * kubelet updates a ConfigMap volume about once a minute at most: `..data` moving under eight
 * reads in a row is not an update in progress, and the call fails rather than wait longer.
 */
export const CONFIGMAP_ATTEMPTS = 8;

/**
 * The pause before each attempt, ms: the first two read again at once; later ones back off (63 ms
 * in all), so a call outlasts a burst of updates, or a read slowed down by a busy CPU, before it
 * gives up.
 */
const BACKOFF_MS: readonly number[] = [0, 0, 1, 2, 4, 8, 16, 32];

/**
 * Reads every key through the version `..data` names, then reads `..data` again: the same version
 * means every file came from it, complete (it was whole before the link named it, and is deleted
 * only after the link moves on). Another version, or a file gone under the read, means read again.
 */
export async function readConfigMap<T>(
  dir: string,
  first: string,
  options: WalkOptions,
  load: LoadFile<T>,
): Promise<Walk<T>> {
  let version = first;
  for (let attempt = 1; ; attempt += 1) {
    const pause = BACKOFF_MS[attempt - 1] ?? 0;
    if (pause > 0) await sleep(pause);
    const read = await readVersion(dir, version, options, load);
    const now = await options.fs.readlink(join(dir, '..data'));
    if (!now.ok)
      return problemWalk(
        isMissing(now)
          ? { kind: 'missing', path: dir }
          : { kind: 'unreadable', path: join(dir, '..data'), message: now.message },
      );
    if (now.value === version && !read.gone) return read.walk;
    if (attempt >= CONFIGMAP_ATTEMPTS)
      return problemWalk({ kind: 'changing', path: dir, attempts: attempt });
    version = now.value;
  }
}

/** One version's keys, named as the mount shows them (`DIR/KEY`); `gone`: the version was deleted meanwhile. */
async function readVersion<T>(
  dir: string,
  version: string,
  options: WalkOptions,
  load: LoadFile<T>,
): Promise<{ readonly walk: Walk<T>; readonly gone: boolean }> {
  const base = resolve(dir, version);
  const names = await options.fs.readdir(base);
  if (!names.ok)
    return isMissing(names)
      ? { walk: joinWalks([]), gone: true }
      : {
          walk: problemWalk({ kind: 'unreadable', path: dir, message: names.message }),
          gone: false,
        };
  // a ConfigMap's keys are files: nothing to descend into
  const flat = { ...options, recursive: false };
  const looked = await lookAt(base, names.value, flat);
  if (looked.vanished) return { walk: joinWalks([]), gone: true };
  const walks: Walk<T>[] = [];
  for (const action of planDirectory(looked.entries, flat)) {
    const path = join(dir, action.name);
    if (action.action === 'refuse') {
      walks.push(problemWalk({ kind: 'not regular', path, what: action.what }));
      continue;
    }
    if (action.action !== 'read') continue;
    const file = {
      path,
      from: join(base, action.name),
      version: looked.versions.get(action.name) ?? '',
    };
    const loaded = await load(file);
    if (!loaded.ok && loaded.problem.kind === 'missing') return { walk: joinWalks([]), gone: true };
    walks.push(
      loaded.ok
        ? { files: [{ file, value: loaded.value }], notes: [], problems: [] }
        : problemWalk(loaded.problem),
    );
  }
  return { walk: joinWalks(walks), gone: false };
}
