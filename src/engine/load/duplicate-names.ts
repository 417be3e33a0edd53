/**
 * `metadata.name` is unique among loaded documents (docs/documents.md#format): within one text, and
 * across files and annotations.
 */
import type { PatchError } from '../errors.js';
import type { PatchDocument } from '../model.js';

type Named = Pick<PatchDocument, 'name' | 'at'>;

/**
 * One DUPLICATE_NAME error for every document whose name an earlier document already took, at the later
 * document (or, when `placeOf` knows it, where that document wrote its name).
 */
export function findDuplicateNames<T extends Named>(
  documents: readonly T[],
  placeOf?: (document: T) => { line: number; column: number } | undefined,
): PatchError[] {
  const first = new Map<string, Named>();
  const errors: PatchError[] = [];
  for (const document of documents) {
    const earlier = first.get(document.name);
    if (earlier === undefined) {
      first.set(document.name, document);
      continue;
    }
    const where = [earlier.at.source, earlier.at.line]
      .filter((part) => part !== undefined)
      .join(':');
    errors.push({
      code: 'DUPLICATE_NAME',
      message: `another document named '${document.name}' was loaded before (${where})`,
      location: { ...document.at, ...placeOf?.(document), field: '/metadata/name' },
    });
  }
  return errors;
}
