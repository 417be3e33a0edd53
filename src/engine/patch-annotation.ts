/**
 * The VMI annotation that carries patch documents (docs/serving.md#where-documents-come-from), read
 * the same way by the server, `apply` and `validate`.
 */

export const PATCH_ANNOTATION = 'hookpatch.io/patch';
/** The source name of annotation documents in errors and logs. */
export const ANNOTATION_SOURCE = `annotation:${PATCH_ANNOTATION}`;

function child(value: unknown, key: string): unknown {
  if (
    typeof value !== 'object' ||
    value === null ||
    Array.isArray(value) ||
    !Object.hasOwn(value, key)
  )
    return undefined;
  return (value as Record<string, unknown>)[key];
}

/** The annotation's text, when the VMI carries a non-empty one. */
export function patchAnnotation(vmi: unknown): string | undefined {
  const text = child(child(child(vmi, 'metadata'), 'annotations'), PATCH_ANNOTATION);
  return typeof text === 'string' && text.trim() !== '' ? text : undefined;
}
