/** Whatever the text, loading returns documents or coded errors placed inside the text; it never throws (annotations are written by VM owners). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { loadDocuments } from '../../../src/engine/load/load-documents.js';

function checkPlaces(text: string): void {
  const result = loadDocuments(text, { source: 'fuzz.yaml', origin: 'annotation' });
  const lines = text.split('\n').length;
  for (const error of result.errors) {
    assert.ok(
      error.location.line !== undefined && error.location.line >= 1 && error.location.line <= lines,
      JSON.stringify(error),
    );
    assert.ok(
      error.location.column !== undefined && error.location.column >= 1,
      JSON.stringify(error),
    );
  }
  assert.ok(
    result.errors.length === 0 || result.documents.length === 0,
    'documents only when there are no errors',
  );
}

/** Values shaped like documents, so that generated input reaches the schema and the compilers, not only the parser. */
const operation = fc.record(
  {
    op: fc.constantFrom('add', 'replace', 'remove', 'set', 'move', 'copy', 'test', 'insert'),
    path: fc.oneof(
      fc.constantFrom('/domain/devices', '/domain/os/@x', '//disk', '/a/b', 'a['),
      fc.string(),
    ),
    value: fc.oneof(fc.constantFrom('<a/>', '<a>', '$(x)', 'text'), fc.jsonValue()),
    from: fc.constantFrom('/a', 'b'),
    optional: fc.boolean(),
    when: fc.constantFrom('true', 'vmi.x ==', "context == 'Boot'"),
  },
  { requiredKeys: ['op'] },
);
const document = fc.record(
  {
    vars: fc.dictionary(fc.constantFrom('x', 'y', '1bad'), fc.constantFrom('1', "'a'", '(')),
    domain: fc.array(operation, { maxLength: 3 }),
    cloudInit: fc.array(operation, { maxLength: 3 }),
    failurePolicy: fc.constantFrom('Fail', 'Ignore', 'Never'),
    extra: fc.jsonValue(),
  },
  { requiredKeys: [] },
);

test('document-shaped values, as YAML and as JSON: errors always carry a place in the text', () => {
  fc.assert(
    fc.property(fc.array(document, { minLength: 1, maxLength: 3 }), (documents) => {
      checkPlaces(documents.map((value) => stringify(value)).join('---\n'));
      checkPlaces(JSON.stringify(documents, null, 2));
    }),
    { numRuns: 200 },
  );
});

test('arbitrary text never throws', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
      checkPlaces(text);
    }),
    { numRuns: 500 },
  );
});
