/** `metadata.name` is unique among loaded documents (SPEC §1.1): within one text, and across files and annotations. */
import type { PatchError } from '../errors.js';
import type { PatchDocument } from '../model.js';

/** One DUPLICATE_NAME error for every document whose name an earlier document already took, at the later document. */
export function findDuplicateNames(documents: readonly Pick<PatchDocument, 'name' | 'at'>[]): PatchError[] {
  const first = new Map<string, Pick<PatchDocument, 'name' | 'at'>>();
  const errors: PatchError[] = [];
  for (const document of documents) {
    const earlier = first.get(document.name);
    if (earlier === undefined) {
      first.set(document.name, document);
      continue;
    }
    const where = [earlier.at.source, earlier.at.line].filter((part) => part !== undefined).join(':');
    errors.push({ code: 'DUPLICATE_NAME', message: `another document named '${document.name}' was loaded before (${where})`, location: { ...document.at, field: '/metadata/name' } });
  }
  return errors;
}
