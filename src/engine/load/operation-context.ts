/** For an error inside an operation: which list, which operation, its op and path, read from the raw document. */
import { isRecord } from '../is-record.js';
import type { Location, OperationList } from '../errors.js';
import { fieldsAt, listAt, stringAt } from './field-values.js';
import type { FieldPath } from './locate-field.js';

const LISTS: readonly OperationList[] = ['domain', 'cloudInit', 'userData', 'networkData'];

export function operationContext(value: unknown, field: FieldPath): Location {
  const root = isRecord(value) ? value : {};
  const inSpec = field[0] === 'spec' && 'apiVersion' in root;
  const spec = inSpec ? fieldsAt(root, 'spec') : root;
  const [listName, index] = inSpec ? field.slice(1) : field;
  const list = LISTS.find((candidate) => candidate === listName);
  if (list === undefined || index === undefined) return {};
  const operation = Number(index);
  const item = listAt(spec, list)[operation];
  const written = isRecord(item) ? item : {};
  const op = stringAt(written, 'op');
  const path = stringAt(written, 'path');
  return {
    list,
    operation,
    ...(op === undefined ? {} : { op }),
    ...(path === undefined ? {} : { path }),
  };
}
