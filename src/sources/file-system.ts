/** The few file-system calls patch sources make, as an interface: tests run a ConfigMap update between any two. */

/** What a path is; `symbolic link` only from `lstat` (everything else follows links). */
export type EntryKind =
  | 'file'
  | 'directory'
  | 'symbolic link'
  | 'FIFO'
  | 'socket'
  | 'character device'
  | 'block device'
  | 'other';

export interface EntryInfo {
  readonly kind: EntryKind;
  readonly size: number;
  /** device, inode, mtime and size: differs whenever the content may differ */
  readonly version: string;
}

/** A failed call: the errno code (`ENOENT`, …) and the system's message. */
export interface FsFailure {
  readonly ok: false;
  readonly code: string;
  readonly message: string;
}

export type FsResult<T> = { readonly ok: true; readonly value: T } | FsFailure;

/** A file's text, or why it was not read: only regular files are, and never more than the limit allows. */
export type FileText =
  | { readonly kind: 'text'; readonly text: string; readonly version: string }
  | { readonly kind: 'not regular'; readonly what: EntryKind }
  | { readonly kind: 'too large'; readonly bytes: number; readonly limit: number };

export interface SourceFileSystem {
  /** follows symbolic links */
  stat(path: string): Promise<FsResult<EntryInfo>>;
  /** does not follow a final symbolic link */
  lstat(path: string): Promise<FsResult<EntryInfo>>;
  readdir(path: string): Promise<FsResult<readonly string[]>>;
  readlink(path: string): Promise<FsResult<string>>;
  /** opens without blocking (a FIFO never stalls the caller) and reads at most `maxBytes + 1` bytes */
  readText(path: string, maxBytes: number): Promise<FsResult<FileText>>;
}

/** A path that is not there (or a component of it that is not a directory). */
export function isMissing(failure: FsFailure): boolean {
  return failure.code === 'ENOENT' || failure.code === 'ENOTDIR';
}
