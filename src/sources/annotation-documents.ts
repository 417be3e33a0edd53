/** Patch documents from the VMI annotation `hookpatch.io/patch`, compiled once per distinct annotation text. */
import { loadDocuments, type LoadResult } from '../engine/index.js';
import type { Limits } from '../engine/limits.js';
import { ANNOTATION_SOURCE, patchAnnotation } from '../engine/patch-annotation.js';

/** A VM starts with 1–3 OnDefineDomain calls carrying the same annotation: a few entries cover it. */
const CACHE_ENTRIES = 64;

export interface AnnotationDocuments {
  /** The documents of this VMI's annotation; an empty result when it has none. */
  load(vmi: unknown): LoadResult;
}

export function annotationDocuments(limits?: Limits): AnnotationDocuments {
  const cache = new Map<string, LoadResult>();

  function load(vmi: unknown): LoadResult {
    const text = patchAnnotation(vmi);
    if (text === undefined) return { documents: [], errors: [] };
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const result = loadDocuments(text, { source: ANNOTATION_SOURCE, origin: 'annotation' }, limits);
    // Oldest first out: Map keeps insertion order.
    if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value ?? '');
    cache.set(text, result);
    return result;
  }

  return { load };
}
