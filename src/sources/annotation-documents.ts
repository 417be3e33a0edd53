/** Patch documents from the VMI annotation `hookpatch.io/patch`, compiled once per distinct annotation text. */
import { loadDocuments, type LoadResult } from '../engine/index.js';
import type { Limits } from '../engine/limits.js';

export const PATCH_ANNOTATION = 'hookpatch.io/patch';
export const ANNOTATION_SOURCE = `annotation:${PATCH_ANNOTATION}`;

/** A VM starts with 1–3 OnDefineDomain calls carrying the same annotation: a few entries cover it. */
const CACHE_ENTRIES = 64;

function child(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}

/** The annotation's text, when the VMI carries one. */
export function patchAnnotation(vmi: unknown): string | undefined {
  const text = child(child(child(vmi, 'metadata'), 'annotations'), PATCH_ANNOTATION);
  return typeof text === 'string' && text.trim() !== '' ? text : undefined;
}

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
