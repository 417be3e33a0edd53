/** STUB (owner: XML engine): the simple location paths `set` accepts. */
import { fail, type Outcome } from '../errors.js';
import type { Namespaces } from '../model.js';

export interface SimplePath {
  readonly source: string;
}

/** Errors: XPATH_SYNTAX, UNKNOWN_PREFIX, NOT_SIMPLE_PATH. */
export function compileSimplePath(source: string, _namespaces: Namespaces): Outcome<SimplePath> {
  return fail('NOT_SIMPLE_PATH', `not implemented: ${source}`);
}
