/** STUB (owner: JSON engine): RFC 6901 JSON pointers. */
import { fail, type Outcome } from '../errors.js';

export interface Pointer {
  readonly source: string;
  readonly tokens: readonly string[];
}

/** Errors: POINTER_SYNTAX. */
export function parsePointer(source: string): Outcome<Pointer> {
  return fail('POINTER_SYNTAX', `not implemented: ${source}`);
}
