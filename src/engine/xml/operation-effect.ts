/**
 * What one XML operation did to the document, and the match-count rules every operation shares
 * (docs/documents.md#how-operations-behave).
 */
import type { Document } from '@xmldom/xmldom';
import { fail, ok, type Outcome } from '../errors.js';
import type { ChangeLog } from './change-log.js';

export interface OperationEffect {
  /** nodes the path selected (for `set`: the nodes it made hold the value) */
  readonly matches: number;
  /** whether the document changed; an unchanged call returns its input byte for byte */
  readonly changed: boolean;
  /** every match already held what `add` would insert */
  readonly skipped?: 'present';
}

/** The call-time inputs an operation needs besides itself. */
export interface OperationInput {
  readonly document: Document;
  readonly vars: ReadonlyMap<string, string>;
  /** told every node the operation selects and every change it makes */
  readonly changes: ChangeLog;
}

/**
 * > `add`, `replace` and `set` need at least one match unless `optional: true` […]
 * > `count: N` (optional) demands exactly N matches.
 * An optional operation that matched nothing is satisfied whatever its count.
 */
export function checkMatchCount(
  matches: number,
  rule: { readonly count?: number; readonly optional: boolean; readonly needsMatch: boolean },
): Outcome<number> {
  if (matches === 0 && rule.optional) return ok(0);
  if (rule.count !== undefined && matches !== rule.count)
    return fail(
      'COUNT_MISMATCH',
      `the path selected ${matches} node(s), count demands ${rule.count}`,
    );
  if (matches === 0 && rule.needsMatch) return fail('NO_MATCH', 'the path selected nothing');
  return ok(matches);
}
