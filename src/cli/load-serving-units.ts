/**
 * `validate` loads each unit that is served together on its own: the patch files of one directory (what
 * `serve --patch DIR` reads) and each manifest (a ConfigMap's keys, a VM's annotation). Document names must be
 * unique within a unit (DUPLICATE_NAME), not across a whole repository of unrelated folders.
 */
import { dirname } from 'node:path';
import type { PatchDocument, PatchError } from '../engine/index.js';
import { loadManifestOrPatch, loadPatches, type LoadedPatches } from './load-patches.js';

export function loadServingUnits(
  files: readonly string[],
  manifests: ReadonlySet<string>,
): LoadedPatches {
  const units = new Map<string, string[]>();
  for (const file of files) {
    const unit = manifests.has(file) ? `manifest ${file}` : `directory ${dirname(file)}`;
    units.set(unit, [...(units.get(unit) ?? []), file]);
  }
  const documents: PatchDocument[] = [];
  const errors: PatchError[] = [];
  const counts = new Map<string, number>();
  for (const unitFiles of units.values()) {
    // No VMI: a sample VMI given to validate is input for applying, its own annotation is not being validated.
    const loaded = loadPatches(unitFiles, {}, loadManifestOrPatch);
    documents.push(...loaded.documents);
    errors.push(...loaded.errors.map((error) => inManifest(error, unitFiles, manifests)));
    for (const [file, count] of loaded.counts) counts.set(file, count);
  }
  return { documents: errors.length > 0 ? [] : documents, errors, counts };
}

/**
 * A name used by two keys of one ConfigMap is found after loading, placed in the key's own text (`b.yaml:1:1`):
 * name the manifest too, so the line reads as a line of that key (`cm.yaml (key b.yaml):1:1`).
 */
function inManifest(
  error: PatchError,
  unitFiles: readonly string[],
  manifests: ReadonlySet<string>,
): PatchError {
  const [file] = unitFiles;
  if (file === undefined || !manifests.has(file) || error.location.source === file) return error;
  return {
    ...error,
    location: { ...error.location, source: `${file} (key ${error.location.source ?? '?'})` },
  };
}
