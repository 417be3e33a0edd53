/** Apply documents' `domain` operations to a domain XML string: parse once, each document atomically, serialize only if something changed. */
import type { Document } from '@xmldom/xmldom';
import { runDomainDocument } from './apply-domain-document.js';
import type { Scope } from './expr/expression.js';
import { locate } from './errors.js';
import { celLimitsOf, DEFAULT_LIMITS, type Limits } from './limits.js';
import { UNKNOWN_NODE, type CallContext, type PatchDocument } from './model.js';
import type { ApplyOutcome, DocumentReport } from './report.js';
import { parseDomainXml } from './xml/parse-xml.js';
import { serializeXml, xmlStyleOf } from './xml/serialize-xml.js';

/** The serialized DOM with the input's byte order mark and trailing whitespace, which the parser does not keep. */
function written(document: Document, input: string): string {
  const text = serializeXml(document, xmlStyleOf(input));
  const bom = input.startsWith('\uFEFF') ? '\uFEFF' : '';
  const trailing = /\s*$/.exec(input)?.[0] ?? '';
  return bom + (/\s$/.test(text) ? text : text + trailing);
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
): Document {
  const parsed = parseDomainXml(input, limits.maxDepth);
  if (!parsed.ok) throw new Error('the input parsed once and not again');
  for (const document of applied) {
    if (runDomainDocument(parsed.value, document, scope).status !== 'applied')
      throw new Error(`document ${document.name} applied once and not again`);
  }
  return parsed.value;
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
  const parsed = parseDomainXml(domainXml, limits.maxDepth);
  if (!parsed.ok) return { ok: false, error: locate(parsed.problem, {}), documents: reports };
  let current = parsed.value;
  const applied: PatchDocument[] = [];
  let changed = false;
  const scope: Scope = {
    vmi: call.vmi,
    context: call.context,
    node: call.node ?? UNKNOWN_NODE,
    celLimits: celLimitsOf(limits),
  };
  for (const document of documents) {
    if (document.domain.length === 0) {
      reports.push({ name: document.name, status: 'skipped', operations: [] });
      continue;
    }
    const run = runDomainDocument(current, document, scope);
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
      current = rebuild(domainXml, applied, scope, limits);
    } else {
      // the failing document is named by `error`; reports list what ran before it
      return { ok: false, error: run.error, documents: reports };
    }
  }
  return { ok: true, value: changed ? written(current, domainXml) : domainXml, documents: reports };
}
