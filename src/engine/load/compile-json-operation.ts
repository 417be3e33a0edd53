/**
 * Compile one RFC 6902 operation (`cloudInit`, `userData`, `networkData`): pointers, condition and
 * `$(var)` references in every string of its value.
 */
import type { Location, OperationList } from '../errors.js';
import { parsePointer } from '../json/pointer.js';
import type { JsonOperation } from '../model.js';
import { compileCondition } from './compile-condition.js';
import { checkTemplate, type DocumentScope } from './document-scope.js';
import { stringAt, type Fields } from './field-values.js';
import type { FieldPath } from './locate-field.js';

export function compileJsonOperation(
  fields: Fields,
  list: OperationList,
  index: number,
  scope: DocumentScope,
): JsonOperation | undefined {
  const op = stringAt(fields, 'op') ?? '';
  const here = [list, index];
  const extra: Location = { list, operation: index, op, path: stringAt(fields, 'path') ?? '' };
  let failed = false;
  const pointer = (field: 'path' | 'from') => {
    const parsed = parsePointer(stringAt(fields, field) ?? '');
    if (parsed.ok) return parsed.value;
    scope.report(parsed.problem, [...here, field], extra);
    failed = true;
    return undefined;
  };
  const path = pointer('path');
  const from = op === 'move' || op === 'copy' ? pointer('from') : undefined;
  const when = compileCondition(scope, stringAt(fields, 'when'), [...here, 'when'], extra);
  if (when === false) failed = true;
  const base = {
    index,
    at: scope.at(here, extra),
    ...(when === undefined || when === false ? {} : { when }),
  };
  const operation = ((): JsonOperation | undefined => {
    if (path === undefined) return undefined;
    switch (op) {
      case 'add':
      case 'replace':
      case 'test':
        checkStrings(scope, fields['value'], [...here, 'value'], extra);
        return { ...base, op, path, value: fields['value'] };
      case 'remove':
        return { ...base, op, path };
      case 'move':
      case 'copy':
        return from === undefined ? undefined : { ...base, op, path, from };
      default:
        return undefined;
    }
  })();
  return failed ? undefined : operation;
}

/** `$(name)` may stand in any string of a JSON value, however deep. */
function checkStrings(
  scope: DocumentScope,
  value: unknown,
  path: FieldPath,
  extra: Location,
): void {
  if (typeof value === 'string') checkTemplate(scope, value, path, extra);
  else if (Array.isArray(value))
    value.forEach((item, index) => checkStrings(scope, item, [...path, index], extra));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value))
      checkStrings(scope, item, [...path, key], extra);
  }
}
