/** What to do with each entry of a patch directory, from names and kinds alone: order, filter, refusals, notes. */
import { isPatchFileName } from '../engine/index.js';
import type { EntryKind } from './file-system.js';

/** A listed entry and what its path resolves to: `dangling` for a link to nothing, `gone` when it vanished. */
export interface ListedEntry {
  readonly name: string;
  readonly kind: EntryKind | 'dangling' | 'gone';
}

export type EntryAction =
  | { readonly action: 'read'; readonly name: string }
  | { readonly action: 'descend'; readonly name: string }
  | { readonly action: 'refuse'; readonly name: string; readonly what: EntryKind }
  | { readonly action: 'note dangling'; readonly name: string };

/** Entries starting with `.` are skipped (a ConfigMap's `..data` and version directories, editors' files). */
export function isListed(name: string): boolean {
  return !name.startsWith('.');
}

/**
 * A directory means its `*.yaml`, `*.yml`, `*.json` (and RFC 5261 `*.xml`) entries sorted by name
 * (docs/serving.md#where-documents-come-from); `recursive` (validate, docs/command-line.md#what-validate-reads)
 * also descends into sub-directories, in the same order.
 * A patch-named entry that is neither a regular file nor a directory is refused (a FIFO would
 * block the reader); a symbolic link to nothing is noted; one that vanished since the listing is
 * simply not there any more.
 */
export function planDirectory(
  entries: readonly ListedEntry[],
  options: { readonly recursive: boolean },
): EntryAction[] {
  const sorted = entries
    .filter((entry) => isListed(entry.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return sorted.flatMap((entry): EntryAction[] => {
    const { name, kind } = entry;
    if (kind === 'directory') return options.recursive ? [{ action: 'descend', name }] : [];
    if (!isPatchFileName(name) || kind === 'gone') return [];
    switch (kind) {
      case 'file':
        return [{ action: 'read', name }];
      case 'dangling':
        return [{ action: 'note dangling', name }];
      default:
        return [{ action: 'refuse', name, what: kind }];
    }
  });
}

/** Which listed names need a look (a stat): every patch-named entry, and every entry when sub-directories count. */
export function needsLook(name: string, options: { readonly recursive: boolean }): boolean {
  return isListed(name) && (options.recursive || isPatchFileName(name));
}
