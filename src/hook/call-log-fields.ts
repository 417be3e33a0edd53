/**
 * What a patch call's log line says of its documents: applied, skipped and ignored ones, each
 * operation's matches, warnings.
 */
import {
  documentWarnings,
  formatWarning,
  type DocumentReport,
  type PatchDocument,
} from '../engine/index.js';

/** The call's log line (docs/serving.md#logs): documents applied/skipped/ignored, operations with match counts. */
export function reportFields(reports: readonly DocumentReport[]): Record<string, unknown> {
  const names = (status: DocumentReport['status']): string[] =>
    reports.filter((r) => r.status === status).map((r) => r.name);
  const operations = reports.flatMap((r) =>
    r.operations.map((o) => ({
      document: r.name,
      list: o.list,
      index: o.index,
      op: o.op,
      path: o.path,
      matches: o.matches,
      ...(o.skipped === undefined ? {} : { skipped: o.skipped }),
    })),
  );
  return {
    documents: { applied: names('applied'), skipped: names('skipped'), ignored: names('ignored') },
    operations,
  };
}

/** The warnings of the documents that applied, each one formatted line, for the call's log line. */
export function appliedWarnings(
  documents: readonly PatchDocument[],
  reports: readonly DocumentReport[],
): string[] {
  const applied = new Set(reports.filter((r) => r.status === 'applied').map((r) => r.name));
  return documentWarnings(documents.filter((document) => applied.has(document.name))).map(
    formatWarning,
  );
}
