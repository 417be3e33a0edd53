/**
 * Apply documents' `domain` operations to a domain XML string: parse once, each document
 * atomically, serialize only if something changed — as steps that pause between the parse, each
 * operation and the write (steps.ts), so a server can answer others while a large call runs.
 */
import { runDomainDocument } from './apply-domain-document.js';
import { domainInputRefusal } from './domain-input.js';
import { parseDomain, writeDomain, type ParsedDomain } from './domain-text.js';
import type { Scope } from './expr/expression.js';
import { locate, type PatchError } from './errors.js';
import { celLimitsOf, DEFAULT_LIMITS, workBudgetsOf, type Limits } from './limits.js';
import { createMeter, type Meter } from './meter.js';
import { UNKNOWN_NODE, type CallContext, type PatchDocument } from './model.js';
import { judgeDomain } from './policy/judge-domain.js';
import { policyGate } from './policy/policy-gate.js';
import { replyTooLarge, utf8Length } from './reply-size.js';
import type { ApplyOutcome, DocumentReport } from './report.js';
import { meteredSteps, runSteps, type Steps } from './steps.js';

/** What the documents of one call share. */
interface DomainRun {
  readonly input: string;
  readonly scope: Scope;
  readonly limits: Limits;
  readonly meter: Meter;
  readonly call: CallContext;
  /** receives what each document did */
  readonly reports: DocumentReport[];
}

/**
 * The state before a failed document: the input re-parsed with the documents that applied so far
 * re-applied. Operations are deterministic functions of the DOM and the call, so this is exactly
 * the earlier state — and it costs nothing unless a document fails under failurePolicy Ignore
 * (copying the DOM before every document would cost more than the patching).
 */
function* rebuild(run: DomainRun, applied: readonly PatchDocument[]): Steps<ParsedDomain> {
  const parsed = yield* parseDomain(run.input, run.limits);
  if (!parsed.ok) throw new Error('the input parsed once and not again');
  for (const document of applied) {
    yield;
    const again = yield* runDomainDocument(parsed.value.document, document, run.scope, run.meter);
    if (again.status !== 'applied')
      throw new Error(`document ${document.name} applied once and not again`);
  }
  return parsed.value;
}

type DocumentsRun =
  | {
      readonly ok: true;
      readonly current: ParsedDomain;
      readonly changed: boolean;
      /** characters each applied document added, to name the one that grew a reply too large */
      readonly growth: ReadonlyMap<string, number>;
    }
  | { readonly ok: false; readonly error: PatchError };

/** Every document in order on the parsed input. */
function* runDocuments(
  run: DomainRun,
  parsed: ParsedDomain,
  documents: readonly PatchDocument[],
): Steps<DocumentsRun> {
  const { reports, meter, call } = run;
  let current = parsed;
  const applied: PatchDocument[] = [];
  let changed = false;
  const growth = new Map<string, number>();
  for (const document of documents) {
    if (document.domain.length === 0) {
      reports.push({ name: document.name, status: 'skipped', operations: [] });
      continue;
    }
    const judge =
      document.origin === 'annotation' && call.policy?.ok === true
        ? yield* judgeDomain(call.policy.policy, current.document)
        : undefined;
    const before = meter.added();
    const ran = yield* runDomainDocument(current.document, document, run.scope, meter, judge);
    const { name } = document;
    if (ran.status === 'refused') return { ok: false, error: ran.error };
    if (ran.status === 'skipped') {
      reports.push({ name, status: 'skipped', operations: ran.operations });
    } else if (ran.status === 'applied') {
      reports.push({ name, status: 'applied', operations: ran.operations });
      applied.push(document);
      growth.set(name, meter.added() - before);
      changed ||= ran.changed;
    } else if (document.failurePolicy === 'Ignore' && ran.endsCall !== true) {
      reports.push({ name, status: 'ignored', operations: ran.operations, error: ran.error });
      current = yield* rebuild(run, applied);
    } else {
      // the failing document is named by `error`; reports list what ran before it
      return { ok: false, error: ran.error };
    }
  }
  return { ok: true, current, changed, growth };
}

/** Parse, run every document, write: the part of a call the meter watches. */
function* patch(run: DomainRun, documents: readonly PatchDocument[]): Steps<ApplyOutcome<string>> {
  const { input, limits, reports } = run;
  yield;
  const parsed = yield* parseDomain(input, limits);
  if (!parsed.ok) return { ok: false, error: locate(parsed.problem, {}), documents: reports };
  yield;
  const ran = yield* runDocuments(run, parsed.value, documents);
  if (!ran.ok) return { ok: false, error: ran.error, documents: reports };
  if (!ran.changed) return { ok: true, value: input, documents: reports };
  yield;
  const value = writeDomain(ran.current, input);
  const bytes = utf8Length(value, limits.maxOutputBytes);
  if (bytes > limits.maxOutputBytes) {
    const error = replyTooLarge('domain XML', bytes, limits.maxOutputBytes, ran.growth);
    return { ok: false, error, documents: reports };
  }
  return { ok: true, value, documents: reports };
}

/**
 * With failurePolicy Fail the first error ends the call and the caller keeps its input; with
 * Ignore the failing document's changes are dropped whole and the rest still apply. When nothing
 * changed the input is returned byte for byte. The call's meter bounds its work (meter.ts); an
 * abort while parsing or writing is the call's error, one in an operation is that operation's.
 */
export function* applyDomainSteps(
  domainXml: string,
  documents: readonly PatchDocument[],
  call: CallContext,
): Steps<ApplyOutcome<string>> {
  const refusal = policyGate(documents, call.policy);
  if (refusal !== undefined) return { ok: false, error: refusal, documents: [] };
  if (documents.every((document) => document.domain.length === 0)) {
    const skipped = documents.map((document) => ({
      name: document.name,
      status: 'skipped' as const,
      operations: [],
    }));
    return { ok: true, value: domainXml, documents: skipped };
  }
  const limits = call.limits ?? DEFAULT_LIMITS;
  const tooLarge = domainInputRefusal(domainXml, limits, call.domSize);
  if (tooLarge !== undefined) return { ok: false, error: tooLarge, documents: [] };
  const meter = call.meter ?? createMeter(workBudgetsOf(limits));
  const scope: Scope = {
    vmi: call.vmi,
    context: call.context,
    node: call.node ?? UNKNOWN_NODE,
    celLimits: celLimitsOf(limits),
  };
  const run: DomainRun = { input: domainXml, scope, limits, meter, call, reports: [] };
  return yield* meteredSteps(meter, patch(run, documents), (aborted) => ({
    ok: false,
    error: locate(aborted.problem, {}),
    documents: [],
  }));
}

/** applyDomainSteps run to the end at once. */
export function applyDomain(
  domainXml: string,
  documents: readonly PatchDocument[],
  call: CallContext,
): ApplyOutcome<string> {
  return runSteps(applyDomainSteps(domainXml, documents, call));
}
