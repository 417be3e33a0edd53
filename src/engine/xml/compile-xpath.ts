/** STUB (owner: XML engine): compile an XPath 1.0 expression once, at load time. */
import { fail, type Outcome } from '../errors.js';
import type { Namespaces } from '../model.js';

export interface CompiledXPath {
  readonly source: string;
}

/** Errors: XPATH_SYNTAX, UNKNOWN_PREFIX. */
export function compileXPath(source: string, _namespaces: Namespaces): Outcome<CompiledXPath> {
  return fail('XPATH_SYNTAX', `not implemented: ${source}`);
}
