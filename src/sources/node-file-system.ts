/** SourceFileSystem on Node's file system: regular files only, opened without blocking, read up to a bound. */
import { constants, type Stats } from 'node:fs';
import { lstat, open, readdir, readlink, stat } from 'node:fs/promises';
import type { EntryInfo, EntryKind, FileText, FsResult, SourceFileSystem } from './file-system.js';

function kindOf(info: Stats): EntryKind {
  if (info.isFile()) return 'file';
  if (info.isDirectory()) return 'directory';
  if (info.isSymbolicLink()) return 'symbolic link';
  if (info.isFIFO()) return 'FIFO';
  if (info.isSocket()) return 'socket';
  if (info.isCharacterDevice()) return 'character device';
  if (info.isBlockDevice()) return 'block device';
  return 'other';
}

function entryInfo(info: Stats): EntryInfo {
  return {
    kind: kindOf(info),
    size: info.size,
    version: `${info.dev}:${info.ino}:${info.mtimeMs}:${info.size}`,
  };
}

async function attempt<T>(run: () => Promise<T>): Promise<FsResult<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    const code =
      error instanceof Error && 'code' in error && typeof error.code === 'string'
        ? error.code
        : 'EIO';
    return { ok: false, code, message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, forever, on a thread of
 * libuv's pool (the server never got to listen). The open file's own fstat decides, so a symbolic
 * link swapped to /dev/zero after a stat is still refused; a size that lies (procfs reports 0) is
 * caught by reading one byte past the limit.
 */
async function readText(path: string, maxBytes: number): Promise<FileText> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  try {
    const info = entryInfo(await handle.stat());
    if (info.kind !== 'file') return { kind: 'not regular', what: info.kind };
    if (info.size > maxBytes) return { kind: 'too large', bytes: info.size, limit: maxBytes };
    let buffer = Buffer.alloc(info.size + 1);
    let filled = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (filled > maxBytes) return { kind: 'too large', bytes: filled, limit: maxBytes };
      if (filled === buffer.length) {
        // the file grew after fstat: read on, never past the limit + 1
        const grown = Buffer.alloc(Math.min(buffer.length * 2, maxBytes + 1));
        buffer.copy(grown);
        buffer = grown;
      }
    }
    return { kind: 'text', text: buffer.toString('utf8', 0, filled), version: info.version };
  } finally {
    await handle.close();
  }
}

export const nodeFileSystem: SourceFileSystem = {
  stat: (path) => attempt(async () => entryInfo(await stat(path))),
  lstat: (path) => attempt(async () => entryInfo(await lstat(path))),
  readdir: (path) => attempt(() => readdir(path)),
  readlink: (path) => attempt(() => readlink(path)),
  readText: (path, maxBytes) => attempt(() => readText(path, maxBytes)),
};
