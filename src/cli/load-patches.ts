/** Load the documents of patch files and of the VMI's annotation, as the server would for a call, collecting every error. */
import {
  loadDocuments,
  type LoadResult,
  type PatchDocument,
  type PatchError,
} from '../engine/index.js';
import { findDuplicateNames } from '../engine/load/duplicate-names.js';
import { loadManifestDocuments } from '../engine/load/manifest-documents.js';
import { ANNOTATION_SOURCE, patchAnnotation } from '../engine/patch-annotation.js';
import { readInput } from './read-input.js';

export interface LoadedPatches {
  readonly documents: readonly PatchDocument[];
  readonly errors: readonly PatchError[];
  /** how many documents each file held, for `validate`'s summary */
  readonly counts: ReadonlyMap<string, number>;
}

/** Documents in file order, then the annotation's; names must be unique across all of them. */
export function loadPatches(
  files: readonly string[],
  vmi: unknown,
  load: (text: string, file: string) => LoadResult = loadFile,
): LoadedPatches {
  const documents: PatchDocument[] = [];
  const errors: PatchError[] = [];
  const counts = new Map<string, number>();
  const add = (result: LoadResult, source: string): void => {
    documents.push(...result.documents);
    errors.push(...result.errors);
    counts.set(source, result.documents.length);
  };
  for (const file of files) add(load(readInput(file, 'patch'), file), file);
  // Annotations found inside manifests belong to different VMs: only file documents and this VMI's share one call.
  const sharingCalls = documents.filter((document) => document.origin === 'file');
  const annotation = patchAnnotation(vmi);
  if (annotation !== undefined) {
    const result = loadDocuments(annotation, { source: ANNOTATION_SOURCE, origin: 'annotation' });
    add(result, 'annotation');
    sharingCalls.push(...result.documents);
  }
  errors.push(...findDuplicateNames(sharingCalls));
  return { documents: errors.length > 0 ? [] : documents, errors, counts };
}

function loadFile(text: string, file: string): LoadResult {
  return loadDocuments(text, { source: file, origin: 'file' });
}

/** `validate` also reads the manifests users keep in git (a ConfigMap, a VM or VMI with the annotation). */
export function loadManifestOrPatch(text: string, file: string): LoadResult {
  return loadManifestDocuments(text, file) ?? loadFile(text, file);
}
