/** A patch source's text: a regular file, read through the file system up to the source limit. */
import { isMissing, type SourceFileSystem } from './file-system.js';
import type { Loaded, SourceFile } from './source-walk.js';

export async function readSourceText(
  fs: SourceFileSystem,
  file: SourceFile,
  maxBytes: number,
): Promise<Loaded<string>> {
  const read = await fs.readText(file.from, maxBytes);
  const path = file.path;
  if (!read.ok)
    return {
      ok: false,
      problem: isMissing(read)
        ? { kind: 'missing', path }
        : { kind: 'unreadable', path, message: read.message },
    };
  switch (read.value.kind) {
    case 'text':
      return { ok: true, value: read.value.text };
    case 'not regular':
      return { ok: false, problem: { kind: 'not regular', path, what: read.value.what } };
    case 'too large':
      return {
        ok: false,
        problem: { kind: 'too large', path, bytes: read.value.bytes, limit: read.value.limit },
      };
  }
}
