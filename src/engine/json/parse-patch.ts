/** A raw RFC 6902 patch (an array of operation objects from JSON) checked and turned into typed operations. */
import { isRecord } from '../is-record.js';
import { fail, ok, type Outcome } from '../errors.js';
import type { JsonPatchOperation } from './apply-operation.js';
import { ownMember, type JsonObject } from './json-value.js';
import { parsePointer, type Pointer } from './pointer.js';

/**
 * RFC 6902 §4:
 * > Operation objects MUST have exactly one "op" member, whose value indicates the operation to
 * > perform. [...] Members that are not explicitly defined for the operation in question MUST be
 * > ignored (i.e., the operation will complete as if the undefined member did not appear in the
 * > object).
 *
 * Duplicate `op` members cannot be seen here: JSON.parse keeps the last one; the YAML parser the
 * loader uses rejects duplicate keys. Errors: SCHEMA_VIOLATION, MISSING_FIELD, UNKNOWN_OP,
 * POINTER_SYNTAX; the message names the operation's index.
 */
export function parseJsonPatch(raw: unknown): Outcome<JsonPatchOperation[]> {
  if (!Array.isArray(raw))
    return fail('SCHEMA_VIOLATION', 'a JSON patch is an array of operations');
  const operations: JsonPatchOperation[] = [];
  for (const [index, entry] of raw.entries()) {
    const operation = parseOperation(entry, index);
    if (!operation.ok) return operation;
    operations.push(operation.value);
  }
  return ok(operations);
}

function parseOperation(entry: unknown, index: number): Outcome<JsonPatchOperation> {
  if (!isRecord(entry)) return fail('SCHEMA_VIOLATION', `operation ${index} is not an object`);
  const op = ownMember(entry, 'op');
  if (!op.found) return fail('MISSING_FIELD', `operation ${index} has no "op"`);
  const path = pointerField(entry, 'path', index);
  if (!path.ok) return path;
  switch (op.value) {
    case 'add':
    case 'replace':
    case 'test': {
      const value = ownMember(entry, 'value');
      if (!value.found)
        return fail('MISSING_FIELD', `operation ${index} (${op.value}) has no "value"`);
      return ok({ op: op.value, path: path.value, value: value.value });
    }
    case 'remove':
      return ok({ op: op.value, path: path.value });
    case 'move':
    case 'copy': {
      const from = pointerField(entry, 'from', index);
      return from.ok ? ok({ op: op.value, path: path.value, from: from.value }) : from;
    }
    default:
      return fail('UNKNOWN_OP', `operation ${index} has an unknown op ${JSON.stringify(op.value)}`);
  }
}

function pointerField(entry: JsonObject, field: 'path' | 'from', index: number): Outcome<Pointer> {
  const member = ownMember(entry, field);
  if (!member.found) return fail('MISSING_FIELD', `operation ${index} has no "${field}"`);
  if (typeof member.value !== 'string')
    return fail('SCHEMA_VIOLATION', `operation ${index}: "${field}" must be a string`);
  return parsePointer(member.value);
}
