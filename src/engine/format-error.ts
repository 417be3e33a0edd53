/** The one formatter for errors: `FILE:LINE:COL: document NAME, operation N (op PATH): message [CODE]`. */
import type { PatchError } from './errors.js';

export function formatError(error: PatchError): string {
  const { location: at } = error;
  const place = [at.source ?? '<input>', at.line, at.column]
    .filter((part) => part !== undefined)
    .join(':');
  const scope: string[] = [];
  if (at.document !== undefined) scope.push(`document ${at.document}`);
  if (at.operation !== undefined) {
    const what = [at.op, at.path].filter((part) => part !== undefined).join(' ');
    const list = at.list !== undefined && at.list !== 'domain' ? `${at.list} ` : '';
    scope.push(`${list}operation ${at.operation}${what === '' ? '' : ` (${what})`}`);
  }
  const prefix = scope.length === 0 ? place : `${place}: ${scope.join(', ')}`;
  return `${prefix}: ${error.message} [${error.code}]`;
}
