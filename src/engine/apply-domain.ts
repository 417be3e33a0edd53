/** STUB (owner: XML engine): apply documents' `domain` operations to a domain XML string, atomically per document. */
import type { CallContext, PatchDocument } from './model.js';
import type { ApplyOutcome } from './report.js';

export function applyDomain(domainXml: string, _documents: readonly PatchDocument[], _call: CallContext): ApplyOutcome<string> {
  return { ok: true, value: domainXml, documents: [] };
}
