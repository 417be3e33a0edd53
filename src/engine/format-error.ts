/** The one formatter for errors and warnings: `FILE:LINE:COL: document NAME, operation N (op PATH): message [CODE]`. */
import type { Location, PatchError } from './errors.js';
import type { PatchWarning } from './warnings.js';

export function formatError(error: PatchError): string {
  return `${place(error.location)}: ${error.message} [${error.code}]`;
}

export function formatWarning(warning: PatchWarning): string {
  return `${place(warning.location)}: warning: ${warning.message} [${warning.code}]`;
}

function place(at: Location): string {
  const file = [at.source ?? '<input>', at.line, at.column]
    .filter((part) => part !== undefined)
    .join(':');
  const scope: string[] = [];
  if (at.document !== undefined) scope.push(`document ${at.document}`);
  if (at.operation !== undefined) {
    const what = [at.op, at.path].filter((part) => part !== undefined).join(' ');
    const list = at.list !== undefined && at.list !== 'domain' ? `${at.list} ` : '';
    scope.push(`${list}operation ${at.operation}${what === '' ? '' : ` (${what})`}`);
  }
  return scope.length === 0 ? file : `${file}: ${scope.join(', ')}`;
}
