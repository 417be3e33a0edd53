/** Read a FILE argument: a path, or `-` for stdin (read once per command run, whichever argument names it first). */
import { readFileSync, statSync } from 'node:fs';
import { UsageError } from './usage-error.js';

let stdin: { readonly read: () => string; taken: boolean } = {
  read: () => readFileSync(0, 'utf8'),
  taken: false,
};

/** Set by runCommand at the start of each run: where `-` reads from, once. */
export function readStdinFrom(read: () => string): void {
  stdin = { read, taken: false };
}

export function readInput(path: string, what: string): string {
  if (path === '-') {
    if (stdin.taken) throw new UsageError(`only one input can be read from stdin (${what})`);
    stdin.taken = true;
    return stdin.read();
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
