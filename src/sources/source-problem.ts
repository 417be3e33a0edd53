/** Why a patch source could not be read, and what is worth a log line without failing anything. */
import type { PatchError } from '../engine/index.js';
import type { EntryKind } from './file-system.js';

export type SourceProblem =
  /** a path named by `--patch` that is not there */
  | { readonly kind: 'missing'; readonly path: string }
  | { readonly kind: 'not regular'; readonly path: string; readonly what: EntryKind }
  | { readonly kind: 'unreadable'; readonly path: string; readonly message: string }
  /** a ConfigMap directory whose `..data` moved during every one of `attempts` reads */
  | { readonly kind: 'changing'; readonly path: string; readonly attempts: number }
  | {
      readonly kind: 'too large';
      readonly path: string;
      readonly bytes: number;
      readonly limit: number;
    };

/** A symbolic link to nothing in a patch directory: skipped, and said. */
export interface SourceNote {
  readonly kind: 'dangling link';
  readonly path: string;
}

export function problemMessage(problem: SourceProblem): string {
  switch (problem.kind) {
    case 'missing':
      return `${problem.path}: no such file or directory`;
    case 'not regular':
      return `${problem.path}: a ${problem.what}, not a regular file; patch sources are regular files`;
    case 'unreadable':
      return `${problem.path}: cannot read: ${problem.message}`;
    case 'changing':
      return (
        `${problem.path}: the ConfigMap changed during each of ${problem.attempts} reads in a row ` +
        '(..data moved every time); not served half-updated'
      );
    case 'too large':
      return `${problem.path}: ${problem.bytes} bytes or more, more than the ${problem.limit} a patch source may have`;
  }
}

export function noteMessage(note: SourceNote): string {
  return `${note.path}: a symbolic link to nothing`;
}

/** A source too large to read is a document error (LIMIT_EXCEEDED, as for an annotation); the rest are not. */
export function asPatchError(problem: SourceProblem): PatchError | undefined {
  if (problem.kind !== 'too large') return undefined;
  return {
    code: 'LIMIT_EXCEEDED',
    message: `the patch source is ${problem.bytes} bytes or more, more than ${problem.limit}`,
    location: { source: problem.path, line: 1, column: 1 },
  };
}
