/** One call's documents from what the sources gave: files in path order, then the annotation, names unique. */
import {
  type LoadResult,
  type PatchDocument,
  type PatchError,
  findDuplicateNames,
} from '../engine/index.js';
import { asPatchError, problemMessage } from './source-problem.js';
import type { Walk } from './source-walk.js';

/** Why no documents can be given: documents that do not load, or a source that cannot be read. */
export type SourceFailure =
  | { readonly kind: 'patch'; readonly errors: readonly PatchError[] }
  | { readonly kind: 'source'; readonly message: string };

export type SourcedDocuments =
  | { readonly ok: true; readonly documents: readonly PatchDocument[] }
  | { readonly ok: false; readonly failure: SourceFailure };

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
  const unreadable = files.problems.filter((problem) => asPatchError(problem) === undefined);
  if (unreadable.length > 0)
    return {
      ok: false,
      failure: { kind: 'source', message: unreadable.map(problemMessage).join('\n') },
    };
  const oversized = files.problems.flatMap((problem) => asPatchError(problem) ?? []);
  const gathered = gatherDocuments([
    ...files.files.map((file) => file.value),
    { documents: [], errors: oversized },
    ...(annotation === undefined ? [] : [annotation]),
  ]);
  return gathered.errors.length > 0
    ? { ok: false, failure: { kind: 'patch', errors: gathered.errors } }
    : { ok: true, documents: gathered.documents };
}
