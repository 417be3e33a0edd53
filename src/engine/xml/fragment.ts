/** STUB (owner: XML engine): parse a `value` XML fragment once, at load time. */
import { fail, type Outcome } from '../errors.js';
import type { Namespaces } from '../model.js';

export interface XmlFragment {
  readonly source: string;
}

/** Errors: FRAGMENT_MALFORMED, DOCTYPE_REFUSED, UNKNOWN_PREFIX. */
export function parseFragment(source: string, _namespaces: Namespaces): Outcome<XmlFragment> {
  return fail('FRAGMENT_MALFORMED', `not implemented: ${source}`);
}
