/** What a patch call's log line says of its documents: applied, skipped and ignored ones, each operation's matches. */
import type { DocumentReport } from '../engine/index.js';

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
