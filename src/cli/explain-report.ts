/** `--explain`: every operation of every document, its match count and what happened, and the document's warnings. */
import {
  formatWarning,
  type DocumentReport,
  type OperationReport,
  type PatchWarning,
} from '../engine/index.js';

export function explainReport(
  documents: readonly DocumentReport[],
  warnings: readonly PatchWarning[] = [],
): string {
  if (documents.length === 0) return 'no documents\n';
  return documents.map((document) => explainDocument(document, warnings)).join('');
}

function explainDocument(document: DocumentReport, warnings: readonly PatchWarning[]): string {
  const error =
    document.error === undefined ? '' : ` (${document.error.code}: ${document.error.message})`;
  const lines = [`document ${document.name}: ${document.status}${error}`];
  for (const operation of document.operations) lines.push(`  ${explainOperation(operation)}`);
  for (const warning of warnings)
    if (warning.location.document === document.name) lines.push(`  ${formatWarning(warning)}`);
  return `${lines.join('\n')}\n`;
}

function explainOperation(operation: OperationReport): string {
  const matches = `${operation.matches} ${operation.matches === 1 ? 'match' : 'matches'}`;
  const status =
    operation.skipped === 'when'
      ? 'skipped: when is false'
      : operation.skipped === 'present'
        ? 'already present, nothing inserted'
        : operation.matches === 0
          ? 'matched nothing'
          : 'done';
  return `${operation.list} ${operation.index} ${operation.op} ${operation.path}: ${matches}, ${status}`;
}
