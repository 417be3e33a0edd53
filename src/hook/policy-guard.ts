/** Applies a call's documents so that annotation documents change only what the annotation policy allows. */
import type { ApplyOutcome, DocumentReport, PatchDocument, PatchError } from '../engine/index.js';
import type { AnnotationPolicy, PolicyLoad } from '../sources/annotation-policy.js';
import { exceededLimit } from '../sources/policy-limits.js';

/** What no allow rule covers: the rule (e.g. `allow.domain`) and a phrase, `it changes /domain/devices`. */
export interface Violation {
  readonly rule: string;
  readonly what: string;
}

/** `partial` applies everything before the document and then the given document (a prefix of its operations): the state an operation really ran on. */
export type PartialRun<T> = (document: PatchDocument) => T | undefined;

export type Outside<T> = (
  before: T,
  after: T,
  policy: AnnotationPolicy,
  document: PatchDocument,
  report: DocumentReport | undefined,
  partial: PartialRun<T>,
) => Violation | undefined;

function denied<T>(
  document: PatchDocument,
  message: string,
  documents: ApplyOutcome<T>['documents'],
): ApplyOutcome<T> {
  const error: PatchError = { code: 'POLICY_DENIED', message, location: document.at };
  return { ok: false, error, documents };
}

/**
 * SPEC §2: judge by the nodes an operation actually selects and inserts, not by the text of its path.
 * Each annotation document's net effect is compared with the state before it (file documents
 * first, then the annotation documents one by one), so the refusal names the document.
 */
export function applyUnderPolicy<T>(
  documents: readonly PatchDocument[],
  policy: PolicyLoad | undefined,
  apply: (documents: readonly PatchDocument[]) => ApplyOutcome<T>,
  outside: Outside<T>,
): ApplyOutcome<T> {
  const annotation = documents.filter((document) => document.origin === 'annotation');
  const first = annotation[0];
  if (policy === undefined || first === undefined) return apply(documents);
  if (!policy.ok)
    return denied(
      first,
      `the annotation policy does not load, so no annotation document is allowed: ${policy.message}`,
      [],
    );
  const limit = exceededLimit(annotation, policy.policy);
  if (limit !== undefined) return { ok: false, error: limit, documents: [] };
  const files = documents.filter((document) => document.origin === 'file');
  const full = apply(documents);
  if (!full.ok) return full;
  let before = apply(files);
  for (const [index, document] of annotation.entries()) {
    if (!before.ok) return before;
    const after =
      index === annotation.length - 1 ? full : apply([...files, ...annotation.slice(0, index + 1)]);
    if (!after.ok) return after;
    const earlier = [...files, ...annotation.slice(0, index)];
    const partial: PartialRun<T> = (prefix) => {
      const run = apply([...earlier, prefix]);
      return run.ok ? run.value : undefined;
    };
    const violation = outside(
      before.value,
      after.value,
      policy.policy,
      document,
      full.documents.find((report) => report.name === document.name),
      partial,
    );
    if (violation !== undefined) {
      return denied(
        document,
        `${violation.what}, outside ${violation.rule} of the annotation policy ${policy.policy.source}`,
        full.documents,
      );
    }
    before = after;
  }
  return full;
}
