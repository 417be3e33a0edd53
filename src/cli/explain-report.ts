/** `--explain`: every operation of every document, with its match count and what happened. */
import type { DocumentReport, OperationReport } from '../engine/index.js';

export function explainReport(documents: readonly DocumentReport[]): string {
  if (documents.length === 0) return 'no documents\n';
  return documents.map(explainDocument).join('');
}

function explainDocument(document: DocumentReport): string {
  const error =
    document.error === undefined ? '' : ` (${document.error.code}: ${document.error.message})`;
  const lines = [`document ${document.name}: ${document.status}${error}`];
  for (const operation of document.operations) lines.push(`  ${explainOperation(operation)}`);
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
