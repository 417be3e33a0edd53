/** Every kind of load error, one fixture each: its code, line and column (test/fixtures/documents/bad/). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadDocuments } from '../../../src/engine/load/load-documents.js';
import { BAD_DOCUMENTS } from './bad-documents.js';

const BAD = new URL('../../fixtures/documents/bad/', import.meta.url);

function load(file: string): ReturnType<typeof loadDocuments> {
  return loadDocuments(readFileSync(new URL(file, BAD), 'utf8'), {
    source: `bad/${file}`,
    origin: 'file',
  });
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
    if (row.code !== 'YAML_SYNTAX')
      assert.equal(result.errors.length, 1, JSON.stringify(result.errors));
  });
}

test('an error inside an operation names the document, the list, the operation, its op and path', () => {
  const [error] = load('xpath-syntax.yaml').errors;
  assert.deepEqual(
    {
      document: error?.location.document,
      list: error?.location.list,
      operation: error?.location.operation,
      op: error?.location.op,
      path: error?.location.path,
    },
    {
      document: 'xpath-syntax.yaml#0',
      list: 'domain',
      operation: 0,
      op: 'remove',
      path: "/domain/devices/disk[@device='cdrom'",
    },
  );
});

test('all errors of a text are reported at once, in text order, across documents', () => {
  const result = load('many-errors.yaml');
  const found = result.errors.map((error) => [
    error.code,
    error.location.line,
    error.location.column,
    error.location.document,
  ]);
  assert.deepEqual(found, [
    ['UNKNOWN_OP', 2, 9, 'many-errors.yaml#0'],
    ['XPATH_SYNTAX', 5, 11, 'many-errors.yaml#0'],
    ['FRAGMENT_MALFORMED', 15, 14, 'second'],
    ['UNKNOWN_VAR', 18, 14, 'second'],
    ['POINTER_SYNTAX', 21, 13, 'second'],
  ]);
});
