/** Read a FILE argument: a path, or `-` for stdin (read once, whichever argument names it first). */
import { readFileSync, statSync } from 'node:fs';
import { UsageError } from './usage-error.js';

let stdinTaken = false;

export function readInput(path: string, what: string): string {
  if (path === '-') {
    if (stdinTaken) throw new UsageError(`only one input can be read from stdin (${what})`);
    stdinTaken = true;
    return readFileSync(0, 'utf8');
  }
  try {
    if (statSync(path).isDirectory())
      throw new UsageError(`${what} ${path} is a directory, not a file`);
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(
      `cannot read ${what} ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
