/** What applying documents did: per document and per operation, for logs and `apply --explain`. */
import type { OperationList } from './errors.js';
import type { PatchError } from './errors.js';

export interface OperationReport {
  readonly list: OperationList;
  readonly index: number;
  readonly op: string;
  readonly path: string;
  /** nodes (or JSON locations) the path selected */
  readonly matches: number;
  /** why nothing was done although the operation ran */
  readonly skipped?: 'when' | 'present';
}

export interface DocumentReport {
  readonly name: string;
  /**
   * applied; skipped (its `when` was false, or it has nothing for this call); ignored (failed under
   * failurePolicy Ignore)
   */
  readonly status: 'applied' | 'skipped' | 'ignored';
  readonly operations: readonly OperationReport[];
  readonly error?: PatchError;
}

/** The result of one call: the new text, or the first error (and the input is to be used untouched). */
export type ApplyOutcome<T> =
  | { readonly ok: true; readonly value: T; readonly documents: readonly DocumentReport[] }
  | {
      readonly ok: false;
      readonly error: PatchError;
      readonly documents: readonly DocumentReport[];
    };
