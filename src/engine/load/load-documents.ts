/** STUB (owner: loader): parse, validate and compile every patch document in one source text. */
import type { PatchError } from '../errors.js';
import type { Origin, PatchDocument } from '../model.js';

export interface SourceInfo {
  /** file path, `-`, or `annotation:hookpatch.io/patch`: used in names and errors */
  readonly source: string;
  readonly origin: Origin;
}

/** Every error of the text at once; documents only when there are no errors. */
export interface LoadResult {
  readonly documents: readonly PatchDocument[];
  readonly errors: readonly PatchError[];
}

export function loadDocuments(_text: string, _info: SourceInfo): LoadResult {
  return { documents: [], errors: [] };
}
