/** Apply documents' `domain` operations to a domain XML string: parse once, each document atomically, serialize only if something changed. */
import type { Document } from '@xmldom/xmldom';
import { runDomainDocument } from './apply-domain-document.js';
import type { Scope } from './expr/expression.js';
import { locate, ok, type Outcome, type PatchError } from './errors.js';
import { celLimitsOf, DEFAULT_LIMITS, workBudgetsOf, type Limits } from './limits.js';
import { createMeter, runMetered, type Meter } from './meter.js';
import { UNKNOWN_NODE, type CallContext, type PatchDocument } from './model.js';
import { replyTooLarge, utf8Length } from './reply-size.js';
import type { ApplyOutcome, DocumentReport } from './report.js';
import { judgeDomain } from './policy/judge-domain.js';
import { policyGate } from './policy/policy-gate.js';
import { domSizeOf } from './xml/dom-size.js';
import { emptyElementForms, type EmptyForms } from './xml/empty-element-forms.js';
import { parseDomainXml } from './xml/parse-xml.js';
import { serializeXml, xmlStyleOf } from './xml/serialize-xml.js';

/** The whitespace that ends `text` (a loop: `/\s*$/` is quadratic in a long run of spaces inside the text). */
function trailingWhitespace(text: string): string {
  let start = text.length;
  while (start > 0 && /\s/.test(text.charAt(start - 1))) start -= 1;
  return text.slice(start);
}

/** The serialized DOM with the input's byte order mark and trailing whitespace, which the parser does not keep. */
function written(document: Document, input: string, forms: EmptyForms): string {
  const text = serializeXml(document, {
    ...xmlStyleOf(input),
    empty: forms.usual,
    otherEmpty: forms.other,
  });
  const bom = input.startsWith('\uFEFF') ? '\uFEFF' : '';
  return bom + (/\s$/.test(text) ? text : text + trailingWhitespace(input));
}

/** The parsed input and the forms of its empty elements, which the DOM does not keep. */
interface ParsedDomain {
  readonly document: Document;
  readonly forms: EmptyForms;
}

function parseDomain(text: string, limits: Limits): Outcome<ParsedDomain> {
  const parsed = parseDomainXml(text, limits.maxDepth);
  return parsed.ok
    ? ok({ document: parsed.value, forms: emptyElementForms(text, parsed.value) })
    : parsed;
}

/**
 * The state before a failed document: the input re-parsed with the documents that applied so far
 * re-applied. Operations are deterministic functions of the DOM and the call, so this is exactly
 * the earlier state — and it costs nothing unless a document fails under failurePolicy Ignore
 * (copying the DOM before every document would cost more than the patching).
 */
function rebuild(
  input: string,
  applied: readonly PatchDocument[],
  scope: Scope,
  limits: Limits,
  meter: Meter,
): ParsedDomain {
  const parsed = parseDomain(input, limits);
  if (!parsed.ok) throw new Error('the input parsed once and not again');
  for (const document of applied) {
    if (runDomainDocument(parsed.value.document, document, scope, meter).status !== 'applied')
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

/** Every document in order on the parsed input; `reports` receives what each did. */
function runDocuments(
  input: string,
  parsed: ParsedDomain,
  documents: readonly PatchDocument[],
  call: CallContext,
  reports: DocumentReport[],
  meter: Meter,
): DocumentsRun {
  const limits = call.limits ?? DEFAULT_LIMITS;
  const scope: Scope = {
    vmi: call.vmi,
    context: call.context,
    node: call.node ?? UNKNOWN_NODE,
    celLimits: celLimitsOf(limits),
  };
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
        ? judgeDomain(call.policy.policy, current.document)
        : undefined;
    const before = meter.added();
    const run = runDomainDocument(current.document, document, scope, meter, judge);
    if (run.status === 'refused') return { ok: false, error: run.error };
    if (run.status === 'skipped') {
      reports.push({ name: document.name, status: 'skipped', operations: run.operations });
    } else if (run.status === 'applied') {
      reports.push({ name: document.name, status: 'applied', operations: run.operations });
      applied.push(document);
      growth.set(document.name, meter.added() - before);
      changed ||= run.changed;
    } else if (document.failurePolicy === 'Ignore' && run.endsCall !== true) {
      reports.push({
        name: document.name,
        status: 'ignored',
        operations: run.operations,
        error: run.error,
      });
      current = rebuild(input, applied, scope, limits, meter);
    } else {
      // the failing document is named by `error`; reports list what ran before it
      return { ok: false, error: run.error };
    }
  }
  return { ok: true, current, changed, growth };
}

/** Parse, run every document, write: the part of a call the meter watches. */
function patch(
  input: string,
  documents: readonly PatchDocument[],
  call: CallContext,
  limits: Limits,
  meter: Meter,
): ApplyOutcome<string> {
  const reports: DocumentReport[] = [];
  const parsed = parseDomain(input, limits);
  if (!parsed.ok) return { ok: false, error: locate(parsed.problem, {}), documents: reports };
  const run = runDocuments(input, parsed.value, documents, call, reports, meter);
  if (!run.ok) return { ok: false, error: run.error, documents: reports };
  if (!run.changed) return { ok: true, value: input, documents: reports };
  const { document, forms } = run.current;
  const value = written(document, input, forms);
  const bytes = utf8Length(value, limits.maxOutputBytes);
  if (bytes > limits.maxOutputBytes) {
    const error = replyTooLarge('domain XML', bytes, limits.maxOutputBytes, run.growth);
    return { ok: false, error, documents: reports };
  }
  return { ok: true, value, documents: reports };
}

/** LIMIT_EXCEEDED before parsing when the DOM would need more heap than a call may take (xml/dom-size.ts). */
function domTooLarge(domainXml: string, limits: Limits): PatchError | undefined {
  const size = domSizeOf(domainXml);
  if (size.bytes <= limits.maxDomBytes) return undefined;
  const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
  return {
    code: 'LIMIT_EXCEEDED',
    message: `the domain XML (${size.elements} elements, ${size.attributes} attributes) needs about ${mib(size.bytes)} MiB of heap, more than the ${mib(limits.maxDomBytes)} MiB a call may take here (--max-dom-bytes; the sidecar's heap sets it)`,
    location: {},
  };
}

/**
 * With failurePolicy Fail the first error ends the call and the caller keeps its input; with
 * Ignore the failing document's changes are dropped whole and the rest still apply. When nothing
 * changed the input is returned byte for byte. The call's meter bounds its work (meter.ts); an
 * abort while parsing or writing is the call's error, one in an operation is that operation's.
 */
export function applyDomain(
  domainXml: string,
  documents: readonly PatchDocument[],
  call: CallContext,
): ApplyOutcome<string> {
  const reports: DocumentReport[] = [];
  const refusal = policyGate(documents, call.policy);
  if (refusal !== undefined) return { ok: false, error: refusal, documents: reports };
  if (documents.every((document) => document.domain.length === 0)) {
    return {
      ok: true,
      value: domainXml,
      documents: documents.map((document) => ({
        name: document.name,
        status: 'skipped',
        operations: [],
      })),
    };
  }
  const limits = call.limits ?? DEFAULT_LIMITS;
  if (domainXml.length > limits.maxInputLength) {
    return {
      ok: false,
      error: {
        code: 'LIMIT_EXCEEDED',
        message: `the domain XML is ${domainXml.length} characters, more than ${limits.maxInputLength}`,
        location: {},
      },
      documents: reports,
    };
  }
  const tooLarge = domTooLarge(domainXml, limits);
  if (tooLarge !== undefined) return { ok: false, error: tooLarge, documents: reports };
  const meter = call.meter ?? createMeter(workBudgetsOf(limits));
  const run = runMetered(meter, () => patch(domainXml, documents, call, limits, meter));
  return run.ok
    ? run.value
    : { ok: false, error: locate(run.aborted.problem, {}), documents: reports };
}
