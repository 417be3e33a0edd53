/**
 * The command line's sources: `apply`'s documents (the `--patch` paths, `-` for stdin, then the
 * VMI's annotation, gathered as a served call gathers them), and the text reader `validate` shares.
 */
import {
  loadDocuments,
  type LoadResult,
  DEFAULT_LIMITS,
  type Limits,
  ANNOTATION_SOURCE,
  patchAnnotation,
} from '../engine/index.js';
import type { SourceFileSystem } from './file-system.js';
import { callDocuments, type SourcedDocuments } from './gather-documents.js';
import { nodeFileSystem } from './node-file-system.js';
import { readSourceText } from './read-source-text.js';
import type { SourceNote } from './source-problem.js';
import type { Loaded, SourceFile } from './source-walk.js';
import { walkPatchPaths } from './walk-patch-paths.js';

export interface CommandLineSources {
  readonly limits?: Limits;
  /** stdin's text, read once by whoever owns stdin */
  readonly stdin: () => string;
  readonly fs?: SourceFileSystem;
}

/** A file's text, `-` from stdin. */
export function commandLineText(
  settings: CommandLineSources,
): (file: SourceFile) => Promise<Loaded<string>> {
  const limits = settings.limits ?? DEFAULT_LIMITS;
  return async (file) =>
    file.from === '-'
      ? { ok: true, value: settings.stdin() }
      : readSourceText(settings.fs ?? nodeFileSystem, file, limits.maxSourceLength);
}

export async function applyDocuments(
  paths: readonly string[],
  vmi: unknown,
  settings: CommandLineSources,
): Promise<{ readonly sourced: SourcedDocuments; readonly notes: readonly SourceNote[] }> {
  const limits = settings.limits ?? DEFAULT_LIMITS;
  const text = commandLineText(settings);
  const load = async (file: SourceFile): Promise<Loaded<LoadResult>> => {
    const read = await text(file);
    return read.ok
      ? {
          ok: true,
          value: loadDocuments(read.value, { source: file.path, origin: 'file' }, limits),
        }
      : read;
  };
  const fs = settings.fs ?? nodeFileSystem;
  const walk = await walkPatchPaths(paths, { fs, recursive: false, stdin: true }, load);
  const annotationText = patchAnnotation(vmi);
  const annotation =
    annotationText === undefined
      ? undefined
      : loadDocuments(annotationText, { source: ANNOTATION_SOURCE, origin: 'annotation' }, limits);
  return { sourced: callDocuments(walk, annotation), notes: walk.notes };
}
