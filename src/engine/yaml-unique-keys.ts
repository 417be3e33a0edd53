/**
 * YAML's "map keys must be unique", checked in linear time. The yaml package compares every new
 * key with all earlier ones of its map: 20,000 keys of user data took 40 s of CPU. Documents are
 * parsed with `uniqueKeys: false` and this adds the same DUPLICATE_KEY errors afterwards.
 */
import { isMap, isScalar, visit, YAMLParseError, type Document } from 'yaml';

/** Parse options that leave the key check to `checkUniqueKeys`. */
export const DEFER_UNIQUE_KEYS = { uniqueKeys: false } as const;

/** Adds a DUPLICATE_KEY error to `document.errors` for every scalar key repeated in its map. */
export function checkUniqueKeys(document: Document.Parsed): void {
  visit(document, {
    Map(_, map) {
      if (!isMap(map)) return;
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = pair.key;
        if (!isScalar(key)) continue;
        if (seen.has(key.value)) {
          const [start, end] = key.range ?? [0, 0];
          document.errors.push(
            new YAMLParseError([start, end], 'DUPLICATE_KEY', 'Map keys must be unique'),
          );
        } else seen.add(key.value);
      }
    },
  });
}
