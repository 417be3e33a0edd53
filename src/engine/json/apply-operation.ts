/** RFC 6902 operations on plain JSON values: one switch over `op`, atomic over a whole patch. */
import { fail, ok, type Outcome, type Problem } from '../errors.js';
import { jsonEqual } from './json-value.js';
import { addAt, readAt, removeAt, replaceAt } from './pointer-edit.js';
import { isProperPrefix, type Pointer } from './pointer.js';

/** One RFC 6902 operation; the compiled `JsonOperation` of a patch document is one of these. */
export type JsonPatchOperation =
  | { readonly op: 'add' | 'replace' | 'test'; readonly path: Pointer; readonly value: unknown }
  | { readonly op: 'remove'; readonly path: Pointer }
  | { readonly op: 'move' | 'copy'; readonly path: Pointer; readonly from: Pointer };

/**
 * Applies one operation and returns the new document; `document` itself is never mutated (the
 * result shares the untouched parts with it). Errors: POINTER_NOT_FOUND, TEST_FAILED,
 * ROOT_REMOVED, SCHEMA_VIOLATION (a move into the moved value's own child).
 */
export function applyOperation(document: unknown, operation: JsonPatchOperation): Outcome<unknown> {
  switch (operation.op) {
    case 'add':
      return addAt(document, operation.path, operation.value);
    case 'remove':
      return removeAt(document, operation.path);
    case 'replace':
      return replaceAt(document, operation.path, operation.value);
    case 'move':
      return move(document, operation.from, operation.path);
    case 'copy': {
      // > This operation is functionally identical to an "add" operation at the target location
      // > using the value specified in the "from" member.
      const value = readAt(document, operation.from);
      return value.ok ? addAt(document, operation.path, value.value) : value;
    }
    case 'test': {
      // > Tests that a value at the target location is equal to a specified value.
      const actual = readAt(document, operation.path);
      if (!actual.ok) return actual;
      if (!jsonEqual(actual.value, operation.value)) {
        return fail(
          'TEST_FAILED',
          `${operation.path.source || 'the document'} is ${brief(actual.value)}, not ${brief(operation.value)}`,
        );
      }
      return ok(document);
    }
  }
}

/**
 * RFC 6902 §4.4:
 * > This operation is functionally identical to a "remove" operation on the "from" location,
 * > followed immediately by an "add" operation at the target location with the value that was
 * > just removed. The "from" location MUST NOT be a proper prefix of the "path" location; i.e.,
 * > a location cannot be moved into one of its children.
 *
 * A move onto itself leaves the document as it is (after checking that `from` exists).
 */
function move(document: unknown, from: Pointer, path: Pointer): Outcome<unknown> {
  if (isProperPrefix(from, path))
    return fail(
      'SCHEMA_VIOLATION',
      `cannot move ${from.source || 'the document'} into its own child ${path.source}`,
    );
  const value = readAt(document, from);
  if (!value.ok) return value;
  if (from.source === path.source) return ok(document);
  const removed = removeAt(document, from);
  return removed.ok ? addAt(removed.value, path, value.value) : removed;
}

/**
 * RFC 6902 §5:
 * > If a normative requirement is violated by a JSON Patch document, or if an operation is not
 * > successful, evaluation of the JSON Patch document SHOULD terminate and application of the
 * > entire patch document SHALL NOT be deemed successful.
 *
 * Applies the operations in order; on the first failure returns its problem and the 0-based
 * index of the failing operation, and `document` stays as it was.
 */
export function applyJsonPatch(
  document: unknown,
  operations: readonly JsonPatchOperation[],
):
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly problem: Problem; readonly index: number } {
  let current = document;
  for (const [index, operation] of operations.entries()) {
    const next = applyOperation(current, operation);
    if (!next.ok) return { ok: false, problem: next.problem, index };
    current = next.value;
  }
  return { ok: true, value: current };
}

function brief(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
