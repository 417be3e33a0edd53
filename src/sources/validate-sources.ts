/**
 * `validate`'s sources: patch files, directories (recursive) and the manifests users keep in git,
 * each unit that is served together loaded on its own — the patch files of one directory (what
 * `serve --patch DIR` reads) and each manifest (a ConfigMap's keys, a VM's annotation). Document
 * names must be unique within a unit (DUPLICATE_NAME), not across a repository of unrelated folders.
 */
import { dirname } from 'node:path';
import {
  loadDocuments,
  type LoadResult,
  type PatchDocument,
  type PatchError,
  findDuplicateNames,
  loadManifestDocuments,
} from '../engine/index.js';
import { commandLineText, type CommandLineSources } from './command-line-sources.js';
import { nodeFileSystem } from './node-file-system.js';
import { patchSourceKind, type PatchSourceKind } from './patch-source-kind.js';
import type { SourceNote, SourceProblem } from './source-problem.js';
import type { Loaded, SourceFile } from './source-walk.js';
import { walkPatchPaths } from './walk-patch-paths.js';

export interface ValidatedFile {
  readonly path: string;
  readonly kind: PatchSourceKind;
  /** nothing for a skipped file */
  readonly result: LoadResult;
}

export interface ValidationSources {
  readonly files: readonly ValidatedFile[];
  readonly notes: readonly SourceNote[];
  readonly problems: readonly SourceProblem[];
  /** every unit's documents, or every error of all of them */
  readonly documents: readonly PatchDocument[];
  readonly errors: readonly PatchError[];
}

export async function validationSources(
  paths: readonly string[],
  settings: CommandLineSources,
): Promise<ValidationSources> {
  const text = commandLineText(settings);
  const load = async (file: SourceFile): Promise<Loaded<ValidatedFile>> => {
    const read = await text(file);
    return read.ok ? { ok: true, value: validatedFile(file, read.value) } : read;
  };
  const fs = settings.fs ?? nodeFileSystem;
  const walk = await walkPatchPaths(paths, { fs, recursive: true, stdin: true }, load);
  const files = walk.files.map(({ value }) => value);
  const units = new Map<string, ValidatedFile[]>();
  for (const file of files.filter((candidate) => candidate.kind.kind !== 'skipped')) {
    const unit =
      file.kind.kind === 'manifest' ? `manifest ${file.path}` : `directory ${dirname(file.path)}`;
    units.set(unit, [...(units.get(unit) ?? []), file]);
  }
  const errors = [...units.values()].flatMap(unitErrors);
  return {
    files,
    notes: walk.notes,
    problems: walk.problems,
    documents: errors.length > 0 ? [] : files.flatMap((file) => file.result.documents),
    errors,
  };
}

/** stdin is always a patch source; other files are told apart by what they hold. */
function validatedFile(file: SourceFile, text: string): ValidatedFile {
  const kind: PatchSourceKind = file.from === '-' ? { kind: 'patch' } : patchSourceKind(text);
  const result =
    kind.kind === 'skipped'
      ? { documents: [], errors: [] }
      : (loadManifestDocuments(text, file.path) ??
        loadDocuments(text, { source: file.path, origin: 'file' }));
  return { path: file.path, kind, result };
}

/**
 * Annotations found inside manifests belong to different VMs, so only file documents share names.
 * A name used by two keys of one ConfigMap is placed in the key's own text (`b.yaml:1:1`): the
 * manifest is named too, so the line reads as a line of that key (`cm.yaml (key b.yaml):1:1`).
 */
function unitErrors(unit: readonly ValidatedFile[]): PatchError[] {
  const documents = unit.flatMap((file) => file.result.documents);
  const duplicates = findDuplicateNames(documents.filter((document) => document.origin === 'file'));
  const [first] = unit;
  const inManifest = (error: PatchError): PatchError =>
    first === undefined || first.kind.kind !== 'manifest' || error.location.source === first.path
      ? error
      : {
          ...error,
          location: {
            ...error.location,
            source: `${first.path} (key ${error.location.source ?? '?'})`,
          },
        };
  return [...unit.flatMap((file) => file.result.errors), ...duplicates.map(inManifest)];
}
