/** The pieces of walking patch sources: the files found, what loading them gave, and what could not be read. */
import { join } from 'node:path';
import type { SourceFileSystem } from './file-system.js';
import { needsLook, type ListedEntry } from './plan-directory.js';
import type { SourceNote, SourceProblem } from './source-problem.js';

/** One file to load: the path users know, and where its bytes are (a ConfigMap key: in the version `..data` names). */
export interface SourceFile {
  readonly path: string;
  readonly from: string;
  /** changes whenever the content may (device, inode, mtime, size); `-` for stdin */
  readonly version: string;
}

export type Loaded<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: SourceProblem };

export type LoadFile<T> = (file: SourceFile) => Promise<Loaded<T>>;

export interface Walk<T> {
  /** in path order, by name within a directory */
  readonly files: readonly { readonly file: SourceFile; readonly value: T }[];
  readonly notes: readonly SourceNote[];
  readonly problems: readonly SourceProblem[];
}

export interface WalkOptions {
  readonly fs: SourceFileSystem;
  /** descend into sub-directories (validate, docs/command-line.md#what-validate-reads) */
  readonly recursive: boolean;
  /** `-` is stdin (the command line), not a file named `-` */
  readonly stdin?: boolean;
}

/** What a file that vanished between its listing and its read means to the one listing it. */
export type Vanished = 'report' | 'skip';

export function emptyWalk<T>(): Walk<T> {
  return { files: [], notes: [], problems: [] };
}

export function joinWalks<T>(walks: readonly Walk<T>[]): Walk<T> {
  return {
    files: walks.flatMap((walk) => walk.files),
    notes: walks.flatMap((walk) => walk.notes),
    problems: walks.flatMap((walk) => walk.problems),
  };
}

export function problemWalk<T>(problem: SourceProblem): Walk<T> {
  return { files: [], notes: [], problems: [problem] };
}

/** Each listed name that matters and what it resolves to; `vanished`: one was gone when looked at. */
export async function lookAt(
  dir: string,
  names: readonly string[],
  options: WalkOptions,
): Promise<{ entries: ListedEntry[]; versions: Map<string, string>; vanished: boolean }> {
  const entries: ListedEntry[] = [];
  const versions = new Map<string, string>();
  let vanished = false;
  for (const name of names.filter((listed) => needsLook(listed, options))) {
    const info = await options.fs.stat(join(dir, name));
    if (info.ok) {
      entries.push({ name, kind: info.value.kind });
      versions.set(name, info.value.version);
      continue;
    }
    const link = await options.fs.lstat(join(dir, name));
    const dangling = link.ok && link.value.kind === 'symbolic link';
    vanished ||= !dangling;
    entries.push({ name, kind: dangling ? 'dangling' : 'gone' });
  }
  return { entries, versions, vanished };
}

/** One file through the loader; a missing file is a problem, or nothing, as the caller says. */
export async function loadOne<T>(
  file: SourceFile,
  load: LoadFile<T>,
  vanished: Vanished,
): Promise<Walk<T>> {
  const loaded = await load(file);
  if (loaded.ok) return { files: [{ file, value: loaded.value }], notes: [], problems: [] };
  if (loaded.problem.kind === 'missing' && vanished === 'skip') return emptyWalk();
  return problemWalk(loaded.problem);
}
