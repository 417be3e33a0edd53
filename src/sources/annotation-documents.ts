/** Patch documents from the VMI annotation `hookpatch.io/patch`, compiled once per distinct annotation text. */
import {
  loadDocuments,
  type LoadResult,
  type Limits,
  ANNOTATION_SOURCE,
  patchAnnotation,
} from '../engine/index.js';

/** A VM starts with 1–3 OnDefineDomain calls carrying the same annotation: a few entries cover it. */
const CACHE_ENTRIES = 64;
/**
 * Compiled documents keep some 60 bytes of heap per character of their text: the cache holds at
 * most ~2 MiB, and an annotation longer than this is compiled for every call instead.
 */
const CACHE_CHARS = 32 * 1024;

export interface AnnotationDocuments {
  /** The documents of this VMI's annotation; an empty result when it has none. */
  load(vmi: unknown): LoadResult;
}

export function annotationDocuments(limits?: Limits): AnnotationDocuments {
  const cache = new Map<string, LoadResult>();
  let cachedChars = 0;

  function load(vmi: unknown): LoadResult {
    const text = patchAnnotation(vmi);
    if (text === undefined) return { documents: [], errors: [] };
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const result = loadDocuments(text, { source: ANNOTATION_SOURCE, origin: 'annotation' }, limits);
    if (text.length > CACHE_CHARS) return result;
    // Oldest first out: Map keeps insertion order.
    while (cache.size >= CACHE_ENTRIES || cachedChars + text.length > CACHE_CHARS) {
      const oldest = cache.keys().next().value ?? '';
      cache.delete(oldest);
      cachedChars -= oldest.length;
    }
    cache.set(text, result);
    cachedChars += text.length;
    return result;
  }

  return { load };
}
