/** Documents that load: full and short form, multi-document YAML, a JSON object, a JSON array (test/fixtures/documents/good/). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadDocuments } from '../../../src/engine/load/load-documents.js';
import { QEMU_NAMESPACE, type PatchDocument } from '../../../src/engine/model.js';

const GOOD = new URL('../../fixtures/documents/good/', import.meta.url);

function load(file: string): readonly PatchDocument[] {
  const result = loadDocuments(readFileSync(new URL(file, GOOD), 'utf8'), {
    source: `good/${file}`,
    origin: 'file',
  });
  assert.deepEqual(result.errors, []);
  return result.documents;
}

/** What a document looks like in a line: name, where it starts, how many operations of each list. */
function summary(document: PatchDocument): unknown {
  return {
    name: document.name,
    at: [document.at.line, document.at.column],
    lists: [
      document.domain.length,
      document.cloudInit.length,
      document.userData.length,
      document.networkData.length,
    ],
  };
}

const FILES: readonly { file: string; documents: unknown[] }[] = [
  {
    file: 'full-form.yaml',
    documents: [{ name: 'smbios-baseboard', at: [2, 1], lists: [4, 0, 0, 0] }],
  },
  {
    file: 'multi.yaml',
    documents: [
      { name: 'multi.yaml#0', at: [1, 1], lists: [1, 0, 0, 0] },
      { name: 'cloud', at: [7, 1], lists: [0, 1, 1, 0] },
      { name: 'multi.yaml#2', at: [21, 1], lists: [1, 0, 0, 0] },
    ],
  },
  { file: 'object.json', documents: [{ name: 'object.json#0', at: [1, 1], lists: [2, 0, 0, 0] }] },
  {
    file: 'array.json',
    documents: [
      { name: 'array.json#0', at: [2, 3], lists: [1, 0, 0, 0] },
      { name: 'net', at: [3, 3], lists: [0, 0, 0, 1] },
    ],
  },
];

for (const { file, documents } of FILES) {
  test(`${file} loads as ${documents.length} document(s)`, () => {
    assert.deepEqual(load(file).map(summary), documents);
  });
}

test('a full-form document keeps its settings and the operations their defaults', () => {
  const [document] = load('full-form.yaml');
  assert.ok(document !== undefined);
  assert.equal(document.failurePolicy, 'Ignore');
  assert.equal(document.origin, 'file');
  assert.equal(
    document.when?.source,
    "'smbios.vm.kubevirt.io/baseBoardManufacturer' in vmi.metadata.annotations",
  );
  assert.deepEqual(
    document.vars.map((variable) => [variable.name, variable.at.line]),
    [['maker', 10]],
  );
  assert.equal(document.namespaces['qemu'], QEMU_NAMESPACE);
  const [set, add, replace, remove] = document.domain;
  assert.deepEqual([set?.op, set?.at.line, set?.at.column, set?.at.operation], ['set', 12, 7, 0]);
  assert.ok(add?.op === 'add' && add.position === 'prepend' && add.once && !add.optional);
  assert.ok(
    replace?.op === 'replace' &&
      replace.optional &&
      replace.value.text === 'none' &&
      replace.value.fragment === undefined,
  );
  assert.ok(remove?.op === 'remove' && remove.count === 0);
});

test('XML values written as booleans or numbers mean their string form', () => {
  const last = load('multi.yaml')[2]?.domain[0];
  assert.ok(last?.op === 'set');
  assert.equal(last.value, 'true');
});

test('bytes is the UTF-8 size of each document', () => {
  const text =
    'domain:\n  - {op: remove, path: /domain/a}\n---\ndomain:\n  - {op: remove, path: "/domain/é"}\n';
  const { documents } = loadDocuments(text, { source: 'x.yaml', origin: 'file' });
  const [first, second] = text.split('---\n');
  assert.deepEqual(
    documents.map((document) => document.bytes),
    [new TextEncoder().encode(first).length, new TextEncoder().encode(second).length],
  );
});

test('annotation documents are named after the annotation', () => {
  const text =
    'domain: [{op: remove, path: /domain/a}]\n---\ndomain: [{op: remove, path: /domain/b}]\n';
  const { documents } = loadDocuments(text, {
    source: 'annotation:hookpatch.io/patch',
    origin: 'annotation',
  });
  assert.deepEqual(
    documents.map((document) => [document.name, document.origin]),
    [
      ['annotation:hookpatch.io/patch#0', 'annotation'],
      ['annotation:hookpatch.io/patch#1', 'annotation'],
    ],
  );
});

test('an empty text or only comments loads as no documents and no errors', () => {
  assert.deepEqual(loadDocuments('# nothing yet\n', { source: 'x', origin: 'file' }), {
    documents: [],
    errors: [],
  });
  assert.deepEqual(loadDocuments('', { source: 'x', origin: 'file' }), {
    documents: [],
    errors: [],
  });
});
