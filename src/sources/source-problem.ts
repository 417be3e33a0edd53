/** Why a patch source could not be read, and what is worth a log line without failing anything. */
import type { Location, PatchError } from '../engine/index.js';
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

/**
 * The problem as an error at its path: a source too large to read is LIMIT_EXCEEDED, like an
 * annotation over the limit; one that cannot be read at all is SOURCE_UNREADABLE.
 */
export function sourceError(problem: SourceProblem): PatchError {
  const location = { source: problem.path };
  switch (problem.kind) {
    case 'missing':
      return unreadable('no such file or directory', location);
    case 'not regular':
      return unreadable(
        `a ${problem.what}, not a regular file; patch sources are regular files`,
        location,
      );
    case 'unreadable':
      return unreadable(`cannot read: ${problem.message}`, location);
    case 'changing':
      return unreadable(
        `the ConfigMap changed during each of ${problem.attempts} reads in a row ` +
          '(..data moved every time); not served half-updated',
        location,
      );
    case 'too large':
      return {
        code: 'LIMIT_EXCEEDED',
        message: `the patch source is ${problem.bytes} bytes or more, more than ${problem.limit}`,
        location: { ...location, line: 1, column: 1 },
      };
  }
}

function unreadable(message: string, location: Location): PatchError {
  return { code: 'SOURCE_UNREADABLE', message, location };
}

export function noteMessage(note: SourceNote): string {
  return `${note.path}: a symbolic link to nothing`;
}
