import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { isMap, isSeq, parseDocument } from 'yaml';
import { applyJsonPatch } from '../../../src/engine/json/apply-operation.js';
import { parseJsonPatch } from '../../../src/engine/json/parse-patch.js';
import { deepFreeze } from './deep-freeze.js';

interface SuiteRecord {
  readonly doc: unknown;
  readonly patch: unknown;
  readonly expected?: unknown;
  readonly error?: string;
  readonly comment?: string;
  readonly disabled?: boolean;
}

const files = ['tests.json', 'spec_tests.json'];

function readSuite(file: string): { readonly text: string; readonly records: SuiteRecord[] } {
  const text = readFileSync(
    new URL(`../../fixtures/json-patch-tests/${file}`, import.meta.url),
    'utf8',
  );
  const records: unknown = JSON.parse(text);
  assert.ok(Array.isArray(records));
  return { text, records: records.map((record: SuiteRecord) => record) };
}

/** Indices of the records whose raw text holds a duplicate key, as the YAML parser the loader uses sees them. */
function duplicateKeyRecords(text: string): Set<number> {
  const document = parseDocument(text, { prettyErrors: false });
  const records = document.contents;
  assert.ok(isSeq(records));
  const indices = new Set<number>();
  for (const error of document.errors.filter((e) => e.code === 'DUPLICATE_KEY')) {
    const index = records.items.findIndex(
      (item) =>
        isMap(item) &&
        item.range !== undefined &&
        item.range[0] <= error.pos[0] &&
        error.pos[1] <= item.range[2],
    );
    assert.notEqual(index, -1, `duplicate key outside every record at ${error.pos[0]}`);
    indices.add(index);
  }
  return indices;
}

for (const file of files) {
  const { text, records } = readSuite(file);
  const duplicates = duplicateKeyRecords(text);

  test(`${file}: the records with two "op" members are disabled and rejected by the YAML parser`, () => {
    assert.equal(duplicates.size, 1);
    for (const index of duplicates) assert.equal(records[index]?.disabled, true, `record ${index}`);
  });

  for (const [index, record] of records.entries()) {
    if (duplicates.has(index)) continue;
    const name = `${file} #${index}${record.disabled === true ? ' (disabled upstream)' : ''}: ${record.comment ?? JSON.stringify(record.patch).slice(0, 60)}`;
    test(name, () => {
      const before = structuredClone(record.doc);
      const doc = deepFreeze(structuredClone(record.doc));
      const operations = parseJsonPatch(record.patch);
      if (record.error !== undefined) {
        const result = operations.ok ? applyJsonPatch(doc, operations.value) : operations;
        assert.equal(result.ok, false, 'the patch must fail');
        assert.deepEqual(doc, before, 'a failed patch leaves the document unchanged');
        return;
      }
      assert.ok(operations.ok, operations.ok ? '' : operations.problem.message);
      const result = applyJsonPatch(doc, operations.value);
      assert.ok(result.ok, result.ok ? '' : result.problem.message);
      if ('expected' in record) assert.deepEqual(result.value, record.expected);
      assert.deepEqual(doc, before, 'the input is never mutated');
    });
  }
}
