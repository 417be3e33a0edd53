/** Where a command writes, and the lines it writes for errors and source notes: one formatter for each. */
import { formatError, type PatchError } from '../engine/index.js';
import { noteMessage, type SourceNote } from '../sources/index.js';

export interface Output {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** Every error on its own line, as formatError renders it. */
export function errorLines(errors: readonly PatchError[]): string {
  return errors.map(formatError).join('\n');
}

/** A patch path that cannot be read at all: the command line calls it a usage error (exit 2). */
export function isUnreadable(error: PatchError): boolean {
  return error.code === 'SOURCE_UNREADABLE';
}

/** Every error on its own stderr line, as formatError renders it; exit status 1. */
export function failWith(errors: readonly PatchError[], out: Output): number {
  for (const error of errors) out.stderr(`${formatError(error)}\n`);
  return 1;
}

/** Notes about the sources (a dangling link skipped) go to stderr; stdout stays the result. */
export function writeNotes(notes: readonly SourceNote[], out: Output): void {
  for (const note of notes) out.stderr(`skipped ${noteMessage(note)}\n`);
}
