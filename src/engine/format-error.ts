/**
 * The one formatter for errors and warnings, from their data:
 * `FILE:LINE:COL: document NAME, operation N (op PATH), value L:C: message [CODE]`.
 */
import type { Location, PatchError } from './errors.js';
import type { PatchWarning } from './warnings.js';

/** RFC 5261 documents' errors also name the RFC's error element (`<unlocated-node>: …`). */
export function formatError(error: PatchError): string {
  const element = error.rfc5261 === undefined ? '' : `<${error.rfc5261}>: `;
  return `${place(error.location)}: ${element}${error.message} [${error.code}]`;
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
  if (at.inValue !== undefined) scope.push(`value ${at.inValue.line}:${at.inValue.column}`);
  return scope.length === 0 ? file : `${file}: ${scope.join(', ')}`;
}
