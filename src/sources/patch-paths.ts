/** The `--patch` paths expanded per call: a file is itself, a directory is its `*.yaml|*.yml|*.json|*.xml` entries by name. */
import { readdir, readlink, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Limits } from '../engine/limits.js';
import { isPatchFileName } from '../engine/load/patch-file-name.js';
import { patchFile, type FileLoad, type PatchFile } from './patch-file.js';

interface ListedFile {
  readonly path: string;
  readonly listed: boolean;
  /** read from a ConfigMap version directory (`..data`'s target) */
  readonly versioned?: boolean;
  readonly from?: string;
}

/** A ConfigMap directory whose version was replaced while it was listed. */
interface VersionGone {
  readonly gone: string;
}

export interface PatchPaths {
  readonly paths: readonly string[];
  /** Every file's load, in `--patch` order and by name within a directory. */
  loadAll(): Promise<readonly FileLoad[]>;
}

export function patchPaths(paths: readonly string[], limits?: Limits): PatchPaths {
  const files = new Map<string, PatchFile>();

  function fileAt(path: string): PatchFile {
    let file = files.get(path);
    if (file === undefined) {
      file = patchFile(path, limits);
      files.set(path, file);
    }
    return file;
  }

  /**
   * The files of one `--patch` path; `listed` when they come from a directory listing, `from` when
   * they are read from a ConfigMap's version directory. Reading every key through the one version
   * `..data` names now means a flip of `..data` between two reads cannot mix two versions.
   */
  async function filesOf(path: string): Promise<readonly ListedFile[] | VersionGone> {
    const info = await stat(path).catch(() => undefined);
    // A missing path is loaded as a file so that its absence is reported like any unreadable file.
    if (info === undefined || !info.isDirectory()) return [{ path, listed: false }];
    const dataLink = join(path, '..data');
    const version = await readlink(dataLink).catch(() => undefined);
    const listing = version === undefined ? path : join(path, version);
    const names = await readdir(listing).catch(() => undefined);
    // kubelet removes the old version directory right after the flip, its files first: listed
    // while that happens, it shows some keys or none. `..data` still naming it means it is whole.
    if (names !== undefined && version !== undefined) {
      const stillNamed = (await readlink(dataLink).catch(() => undefined)) === version;
      if (!stillNamed) return { gone: path };
    }
    // An unreadable directory is reported through the failing read of the path itself.
    if (names === undefined)
      return version === undefined
        ? [{ path, listed: false }]
        : [{ path, listed: true, versioned: true, from: listing }];
    return names
      .filter(isPatchFileName)
      .sort()
      .map((name) => ({
        path: join(path, name),
        listed: true,
        versioned: version !== undefined,
        from: join(listing, name),
      }));
  }

  async function loadOnce(): Promise<{
    readonly loads: readonly FileLoad[];
    readonly versionGone: boolean;
  }> {
    const listed = await Promise.all(paths.map(filesOf));
    const gone = listed.flatMap((files) => ('gone' in files ? [files.gone] : []));
    // Retried like a removed version; reported (the call fails) only if the retries run out.
    if (gone.length > 0)
      return {
        loads: gone.map((path) => ({
          ok: false,
          path,
          message: `${path}: its ConfigMap version was replaced while it was read`,
          missing: true,
        })),
        versionGone: true,
      };
    const expanded = listed.flatMap((files) => ('gone' in files ? [] : files));
    const loads = await Promise.all(
      expanded.map(async (file) => ({ file, load: await fileAt(file.path).load(file.from) })),
    );
    // A version directory removed under us (kubelet deletes the old one right after the flip): read the new one.
    const versionGone = loads.some(
      ({ file, load }) => !load.ok && load.missing && file.versioned === true,
    );
    // A listed file that vanished is a ConfigMap update in progress (a key's link removed after `..data` moved): it is gone, not broken.
    // One of a version directory is not skipped: that would serve a version without it (reported once the retries run out).
    return {
      loads: loads
        .filter(
          ({ file, load }) => load.ok || !(file.listed && load.missing && file.versioned !== true),
        )
        .map(({ load }) => load),
      versionGone,
    };
  }

  /** kubelet flips `..data` about once a minute at most: a version vanishing under ten reads in a row is not an update. */
  async function loadAll(): Promise<readonly FileLoad[]> {
    let attempt = await loadOnce();
    for (let retries = 0; attempt.versionGone && retries < 10; retries += 1)
      attempt = await loadOnce();
    return attempt.loads;
  }

  return { paths, loadAll };
}
