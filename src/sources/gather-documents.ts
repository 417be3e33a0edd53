/** One call's documents from what the sources gave: files in path order, then the annotation, names unique. */
import {
  type LoadResult,
  type PatchDocument,
  type PatchError,
  findDuplicateNames,
} from '../engine/index.js';
import { sourceError } from './source-problem.js';
import type { Walk } from './source-walk.js';

/** A call's documents, or why none can be given: documents that do not load, sources that cannot be read. */
export type SourcedDocuments =
  | { readonly ok: true; readonly documents: readonly PatchDocument[] }
  | { readonly ok: false; readonly errors: readonly PatchError[] };

/** Every error at once: each text's own, then DUPLICATE_NAME for names taken earlier; no documents if any. */
export function gatherDocuments(results: readonly LoadResult[]): LoadResult {
  const documents = results.flatMap((result) => result.documents);
  const errors = [...results.flatMap((result) => result.errors), ...findDuplicateNames(documents)];
  return { documents: errors.length > 0 ? [] : documents, errors };
}

/**
 * The order of docs/serving.md#where-documents-come-from: file documents in path order, then the
 * annotation documents. A source that
 * cannot be read at all fails first (its documents are unknown, so nothing else can be judged);
 * a source over the size limit is a LIMIT_EXCEEDED error like any document error.
 */
export function callDocuments(
  files: Walk<LoadResult>,
  annotation: LoadResult | undefined,
): SourcedDocuments {
  const problems = files.problems.map(sourceError);
  const unreadable = problems.filter((error) => error.code === 'SOURCE_UNREADABLE');
  if (unreadable.length > 0) return { ok: false, errors: unreadable };
  const gathered = gatherDocuments([
    ...files.files.map((file) => file.value),
    { documents: [], errors: problems },
    ...(annotation === undefined ? [] : [annotation]),
  ]);
  return gathered.errors.length > 0
    ? { ok: false, errors: gathered.errors }
    : { ok: true, documents: gathered.documents };
}
