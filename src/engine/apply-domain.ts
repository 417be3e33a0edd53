/** Apply documents' `domain` operations to a domain XML string: parse once, each document atomically, serialize only if something changed. */
import type { Document } from '@xmldom/xmldom';
import { runDomainDocument } from './apply-domain-document.js';
import type { Scope } from './expr/expression.js';
import { locate, ok, type Outcome, type PatchError } from './errors.js';
import { celLimitsOf, DEFAULT_LIMITS, type Limits } from './limits.js';
import { UNKNOWN_NODE, type CallContext, type PatchDocument } from './model.js';
import type { ApplyOutcome, DocumentReport } from './report.js';
import { judgeDomain } from './policy/judge-domain.js';
import { policyGate } from './policy/policy-gate.js';
import { emptyElementForms, type EmptyForms } from './xml/empty-element-forms.js';
import { parseDomainXml } from './xml/parse-xml.js';
import { serializeXml, xmlStyleOf } from './xml/serialize-xml.js';

/** The serialized DOM with the input's byte order mark and trailing whitespace, which the parser does not keep. */
function written(document: Document, input: string, forms: EmptyForms): string {
  const text = serializeXml(document, {
    ...xmlStyleOf(input),
    empty: forms.usual,
    otherEmpty: forms.other,
  });
  const bom = input.startsWith('\uFEFF') ? '\uFEFF' : '';
  const trailing = /\s*$/.exec(input)?.[0] ?? '';
  return bom + (/\s$/.test(text) ? text : text + trailing);
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
): ParsedDomain {
  const parsed = parseDomain(input, limits);
  if (!parsed.ok) throw new Error('the input parsed once and not again');
  for (const document of applied) {
    if (runDomainDocument(parsed.value.document, document, scope).status !== 'applied')
      throw new Error(`document ${document.name} applied once and not again`);
  }
  return parsed.value;
}

type DocumentsRun =
  | { readonly ok: true; readonly current: ParsedDomain; readonly changed: boolean }
  | { readonly ok: false; readonly error: PatchError };

/** Every document in order on the parsed input; `reports` receives what each did. */
function runDocuments(
  input: string,
  parsed: ParsedDomain,
  documents: readonly PatchDocument[],
  call: CallContext,
  reports: DocumentReport[],
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
  for (const document of documents) {
    if (document.domain.length === 0) {
      reports.push({ name: document.name, status: 'skipped', operations: [] });
      continue;
    }
    const judge =
      document.origin === 'annotation' && call.policy?.ok === true
        ? judgeDomain(call.policy.policy, current.document)
        : undefined;
    const run = runDomainDocument(current.document, document, scope, judge);
    if (run.status === 'refused') return { ok: false, error: run.error };
    if (run.status === 'skipped') {
      reports.push({ name: document.name, status: 'skipped', operations: run.operations });
    } else if (run.status === 'applied') {
      reports.push({ name: document.name, status: 'applied', operations: run.operations });
      applied.push(document);
      changed ||= run.changed;
    } else if (document.failurePolicy === 'Ignore') {
      reports.push({
        name: document.name,
        status: 'ignored',
        operations: run.operations,
        error: run.error,
      });
      current = rebuild(input, applied, scope, limits);
    } else {
      // the failing document is named by `error`; reports list what ran before it
      return { ok: false, error: run.error };
    }
  }
  return { ok: true, current, changed };
}

/**
 * With failurePolicy Fail the first error ends the call and the caller keeps its input; with
 * Ignore the failing document's changes are dropped whole and the rest still apply. When nothing
 * changed the input is returned byte for byte.
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
  const parsed = parseDomain(domainXml, limits);
  if (!parsed.ok) return { ok: false, error: locate(parsed.problem, {}), documents: reports };
  const run = runDocuments(domainXml, parsed.value, documents, call, reports);
  if (!run.ok) return { ok: false, error: run.error, documents: reports };
  const { document, forms } = run.current;
  const value = run.changed ? written(document, domainXml, forms) : domainXml;
  return { ok: true, value, documents: reports };
}
