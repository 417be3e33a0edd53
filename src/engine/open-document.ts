/** A document's gate, once per call and the same for the domain and cloud-init appliers: its `when`, then its vars. */
import { locate, type PatchError } from './errors.js';
import { evaluateCondition, evaluateVars, type Scope } from './expr/expression.js';
import type { PatchDocument } from './model.js';

export type DocumentGate =
  | { readonly status: 'open'; readonly vars: ReadonlyMap<string, string> }
  | { readonly status: 'skipped' }
  | { readonly status: 'failed'; readonly error: PatchError };

/** A failing `when` or var is located at the document; a `when` that is false skips it. */
export function openDocument(document: PatchDocument, scope: Scope): DocumentGate {
  const at = { ...document.at, document: document.name };
  if (document.when !== undefined) {
    const holds = evaluateCondition(document.when, scope);
    if (!holds.ok) return { status: 'failed', error: locate(holds.problem, at) };
    if (!holds.value) return { status: 'skipped' };
  }
  const vars = evaluateVars(document.vars, scope);
  return vars.ok
    ? { status: 'open', vars: vars.value }
    : { status: 'failed', error: locate(vars.problem, at) };
}
