/** Which names in a patch directory (or ConfigMap data keys) hold patch documents: YAML, JSON, or RFC 5261 XML. */

const PATCH_FILE_NAME = /\.(ya?ml|json|xml)$/;

/**
 * Entries starting with `.` (a ConfigMap's `..data`, `..2026_…` links) are skipped
 * (docs/serving.md#where-documents-come-from).
 */
export function isPatchFileName(name: string): boolean {
  return !name.startsWith('.') && PATCH_FILE_NAME.test(name);
}
