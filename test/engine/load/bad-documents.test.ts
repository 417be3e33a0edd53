/** Every kind of load error, one fixture each: its code, line and column (test/fixtures/documents/bad/). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { ErrorCode } from '../../../src/engine/errors.js';
import { loadDocuments } from '../../../src/engine/load/load-documents.js';

const BAD = new URL('../../fixtures/documents/bad/', import.meta.url);

/** One row per fixture: the single error it must give. Shared with the CLI tests. */
export const BAD_DOCUMENTS: readonly { file: string; code: ErrorCode; line: number; column: number; field?: string }[] = [
  { file: 'unknown-op.yaml', code: 'UNKNOWN_OP', line: 2, column: 9, field: '/domain/0/op' },
  { file: 'missing-path.yaml', code: 'MISSING_FIELD', line: 7, column: 7, field: '/spec/domain/0' },
  { file: 'xpath-syntax.yaml', code: 'XPATH_SYNTAX', line: 3, column: 11, field: '/domain/0/path' },
  { file: 'unknown-prefix.yaml', code: 'UNKNOWN_PREFIX', line: 5, column: 11, field: '/domain/0/path' },
  { file: 'fragment-malformed.yaml', code: 'FRAGMENT_MALFORMED', line: 4, column: 12, field: '/domain/0/value' },
  { file: 'doctype-refused.yaml', code: 'DOCTYPE_REFUSED', line: 4, column: 12, field: '/domain/0/value' },
  { file: 'not-simple-path.yaml', code: 'NOT_SIMPLE_PATH', line: 3, column: 11, field: '/domain/0/path' },
  { file: 'yaml-syntax.yaml', code: 'YAML_SYNTAX', line: 3, column: 1 },
  { file: 'json-syntax.json', code: 'YAML_SYNTAX', line: 1, column: 20 },
  { file: 'unknown-field.yaml', code: 'UNKNOWN_FIELD', line: 5, column: 5, field: '/domain/0/optinal' },
  { file: 'unknown-field.json', code: 'UNKNOWN_FIELD', line: 6, column: 7, field: '/domain/0/cout' },
  { file: 'duplicate-name.yaml', code: 'DUPLICATE_NAME', line: 10, column: 1 },
  { file: 'unknown-var.yaml', code: 'UNKNOWN_VAR', line: 6, column: 12, field: '/domain/0/value' },
  { file: 'unknown-var-json.yaml', code: 'UNKNOWN_VAR', line: 5, column: 21, field: '/cloudInit/0/value/tags/1' },
  { file: 'pointer-syntax.yaml', code: 'POINTER_SYNTAX', line: 3, column: 11, field: '/cloudInit/0/path' },
  { file: 'cel-syntax.yaml', code: 'CEL_SYNTAX', line: 1, column: 7, field: '/when' },
  { file: 'schema-violation.yaml', code: 'SCHEMA_VIOLATION', line: 1, column: 16, field: '/failurePolicy' },
];

function load(file: string): ReturnType<typeof loadDocuments> {
  return loadDocuments(readFileSync(new URL(file, BAD), 'utf8'), { source: `bad/${file}`, origin: 'file' });
}

for (const row of BAD_DOCUMENTS) {
  test(`${row.file}: ${row.code} at ${row.line}:${row.column}`, () => {
    const result = load(row.file);
    assert.equal(result.documents.length, 0, 'no documents when there are errors');
    const first = result.errors[0];
    assert.ok(first !== undefined, 'an error');
    assert.equal(first.code, row.code);
    assert.equal(first.location.source, `bad/${row.file}`);
    assert.deepEqual([first.location.line, first.location.column], [row.line, row.column]);
    if (row.field !== undefined) assert.equal(first.location.field, row.field);
    if (row.code !== 'YAML_SYNTAX') assert.equal(result.errors.length, 1, JSON.stringify(result.errors));
  });
}

test('an error inside an operation names the document, the list, the operation, its op and path', () => {
  const [error] = load('xpath-syntax.yaml').errors;
  assert.deepEqual(
    { document: error?.location.document, list: error?.location.list, operation: error?.location.operation, op: error?.location.op, path: error?.location.path },
    { document: 'xpath-syntax.yaml#0', list: 'domain', operation: 0, op: 'remove', path: "/domain/devices/disk[@device='cdrom'" },
  );
});

test('all errors of a text are reported at once, in text order, across documents', () => {
  const result = load('many-errors.yaml');
  const found = result.errors.map((error) => [error.code, error.location.line, error.location.column, error.location.document]);
  assert.deepEqual(found, [
    ['UNKNOWN_OP', 2, 9, 'many-errors.yaml#0'],
    ['XPATH_SYNTAX', 5, 11, 'many-errors.yaml#0'],
    ['FRAGMENT_MALFORMED', 15, 14, 'second'],
    ['UNKNOWN_VAR', 18, 14, 'second'],
    ['POINTER_SYNTAX', 21, 13, 'second'],
  ]);
});
