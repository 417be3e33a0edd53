/** All patch documents of one served call: the `--patch` files as they are on disk now, then the annotation's. */
import {
  type LoadResult,
  type PatchDocument,
  DEFAULT_LIMITS,
  type Limits,
} from '../engine/index.js';
import { annotationDocuments } from './annotation-documents.js';
import { documentCache } from './document-cache.js';
import type { SourceFileSystem } from './file-system.js';
import { callDocuments, type SourcedDocuments } from './gather-documents.js';
import { nodeFileSystem } from './node-file-system.js';
import type { SourceNote } from './source-problem.js';
import type { Walk } from './source-walk.js';
import { walkPatchPaths } from './walk-patch-paths.js';

export interface DocumentSources {
  /** The `--patch` files' documents as they are on disk now. */
  fileDocuments(): Promise<SourcedDocuments>;
  /** Everything that applies to a call for this VMI. */
  forCall(vmi: unknown, options: { readonly annotations: boolean }): Promise<SourcedDocuments>;
}

export interface SourceSettings {
  readonly limits?: Limits | undefined;
  readonly fs?: SourceFileSystem;
  /** told the notes (dangling links) whenever they differ from the last ones told */
  readonly onNotes?: (notes: readonly SourceNote[]) => void;
}

export function documentSources(
  paths: readonly string[],
  settings: SourceSettings = {},
): DocumentSources {
  const limits = settings.limits ?? DEFAULT_LIMITS;
  const fs = settings.fs ?? nodeFileSystem;
  const cache = documentCache(fs, limits);
  const annotation = annotationDocuments(limits);
  let toldNotes = '[]';

  async function walkFiles(): Promise<Walk<LoadResult>> {
    const walk = await walkPatchPaths(paths, { fs, recursive: false }, cache.load);
    cache.keepOnly(new Set(walk.files.map(({ file }) => file.path)));
    const notes = JSON.stringify(walk.notes);
    if (notes !== toldNotes) {
      toldNotes = notes;
      settings.onNotes?.(walk.notes);
    }
    return walk;
  }

  return {
    fileDocuments: async () => callDocuments(await walkFiles(), undefined),
    forCall: async (vmi, options) =>
      callDocuments(await walkFiles(), options.annotations ? annotation.load(vmi) : undefined),
  };
}

/** Whether any document has cloud-init operations: only then may the hook subscribe PreCloudInitIso. */
export function hasCloudInitOperations(documents: readonly PatchDocument[]): boolean {
  return documents.some(
    (document) =>
      document.cloudInit.length + document.userData.length + document.networkData.length > 0,
  );
}
