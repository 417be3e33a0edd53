/** All patch documents for one call: file documents in path order, then the VMI's annotation documents. */
import type { PatchDocument, PatchError } from '../engine/index.js';
import type { Limits } from '../engine/limits.js';
import { findDuplicateNames } from '../engine/load/duplicate-names.js';
import { annotationDocuments } from './annotation-documents.js';
import { patchPaths } from './patch-paths.js';

/** Why no documents can be given: documents that do not load, or a file that cannot be read. */
export type SourceFailure =
  | { readonly kind: 'patch'; readonly errors: readonly PatchError[] }
  | { readonly kind: 'source'; readonly message: string };

export type SourcedDocuments =
  | { readonly ok: true; readonly documents: readonly PatchDocument[] }
  | { readonly ok: false; readonly failure: SourceFailure };

export interface DocumentSources {
  /** The `--patch` files' documents as they are on disk now. */
  fileDocuments(): Promise<SourcedDocuments>;
  /** Everything that applies to a call for this VMI. */
  forCall(vmi: unknown, options: { readonly annotations: boolean }): Promise<SourcedDocuments>;
}

/** Names are unique among the documents of a call: they name the document in logs and errors. */
function checked(documents: readonly PatchDocument[]): SourcedDocuments {
  const duplicates = findDuplicateNames(documents);
  return duplicates.length === 0
    ? { ok: true, documents }
    : { ok: false, failure: { kind: 'patch', errors: duplicates } };
}

export function documentSources(paths: readonly string[], limits?: Limits): DocumentSources {
  const files = patchPaths(paths, limits);
  const annotation = annotationDocuments(limits);

  async function fileDocuments(): Promise<SourcedDocuments> {
    const documents: PatchDocument[] = [];
    const errors: PatchError[] = [];
    for (const load of await files.loadAll()) {
      if (!load.ok) return { ok: false, failure: { kind: 'source', message: load.message } };
      documents.push(...load.result.documents);
      errors.push(...load.result.errors);
    }
    return errors.length > 0
      ? { ok: false, failure: { kind: 'patch', errors } }
      : checked(documents);
  }

  async function forCall(
    vmi: unknown,
    options: { readonly annotations: boolean },
  ): Promise<SourcedDocuments> {
    const fromFiles = await fileDocuments();
    if (!fromFiles.ok || !options.annotations) return fromFiles;
    const fromAnnotation = annotation.load(vmi);
    if (fromAnnotation.errors.length > 0)
      return { ok: false, failure: { kind: 'patch', errors: fromAnnotation.errors } };
    if (fromAnnotation.documents.length === 0) return fromFiles;
    return checked([...fromFiles.documents, ...fromAnnotation.documents]);
  }

  return { fileDocuments, forCall };
}

/** Whether any document has cloud-init operations: only then may the hook subscribe PreCloudInitIso. */
export function hasCloudInitOperations(documents: readonly PatchDocument[]): boolean {
  return documents.some(
    (document) =>
      document.cloudInit.length + document.userData.length + document.networkData.length > 0,
  );
}
