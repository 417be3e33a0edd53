/** applyDomain: the per-call pipeline — conditions, vars, atomic documents, failure policies, byte-identical no-ops. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyDomain } from '../../src/engine/apply-domain.js';
import { compileExpression, type Expression } from '../../src/engine/expr/expression.js';
import { add, patchDocument, remove, replace } from './xml/build-document.js';

const INPUT =
  "<domain type='kvm'>\n  <name>vm</name>\n  <devices>\n    <memballoon model='none'/>\n  </devices>\n</domain>\n";
const call = {
  vmi: { metadata: { name: 'vm', annotations: { maker: 'A&B <x>' } } },
  context: 'Boot' as const,
};

function cel(source: string): Expression {
  const compiled = compileExpression(source);
  if (!compiled.ok) throw new Error(compiled.problem.message);
  return compiled.value;
}

test('nothing to do returns the input byte for byte', () => {
  const documents = [
    patchDocument('present', [add(0, '/domain/devices', '<memballoon model="none"/>')]),
    patchDocument('no-match', [remove(0, '/domain/devices/rng')]),
    patchDocument('same-value', [replace(0, '/domain/@type', 'kvm')]),
    patchDocument('json-only', []),
  ];
  const result = applyDomain(INPUT, documents, call);
  assert.ok(result.ok);
  assert.equal(result.value, INPUT);
  assert.deepEqual(
    result.documents.map((d) => d.status),
    ['applied', 'applied', 'applied', 'skipped'],
  );
  assert.equal(result.documents[0]?.operations[0]?.skipped, 'present');
});

test('a document applies whole or fails the call with its location (failurePolicy Fail)', () => {
  const failing = patchDocument('failing', [
    add(0, '/domain/devices', '<rng/>'),
    replace(1, '/domain/nothing', 'x'),
  ]);
  const result = applyDomain(
    INPUT,
    [patchDocument('first', [add(0, '/domain', '<title>t</title>')]), failing],
    call,
  );
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.equal(result.error.code, 'NO_MATCH');
  assert.deepEqual(result.error.location, {
    source: 'unit.yaml',
    line: 2,
    column: 3,
    list: 'domain',
    operation: 1,
    op: 'replace',
    path: '/domain/nothing',
    document: 'failing',
  });
  assert.deepEqual(
    result.documents.map((d) => d.name),
    ['first'],
  );
});

test('failurePolicy Ignore drops the failing document whole and applies the rest', () => {
  const ignored = patchDocument(
    'ignored',
    [add(0, '/domain/devices', '<rng/>'), remove(1, '/domain')],
    { failurePolicy: 'Ignore' },
  );
  const result = applyDomain(
    INPUT,
    [ignored, patchDocument('after', [remove(0, '/domain/devices/memballoon')])],
    call,
  );
  assert.ok(result.ok);
  assert.equal(
    result.value,
    "<domain type='kvm'>\n  <name>vm</name>\n  <devices>\n  </devices>\n</domain>\n",
    "the input's quote style is kept",
  );
  assert.deepEqual(
    result.documents.map((d) => [d.name, d.status, d.error?.code]),
    [
      ['ignored', 'ignored', 'ROOT_REMOVED'],
      ['after', 'applied', undefined],
    ],
  );
});

test('document and operation conditions', () => {
  const documents = [
    patchDocument('not-this-vm', [remove(0, '/domain/name')], {
      when: cel("vmi.metadata.name == 'other'"),
    }),
    patchDocument(
      'this-vm',
      [
        remove(0, '/domain/devices', {}),
        { ...add(1, '/domain', '<x/>'), when: cel("context == 'MigrationTarget'") },
      ],
      { when: cel("vmi.metadata.name == 'vm'") },
    ),
  ];
  const result = applyDomain(INPUT, documents, call);
  assert.ok(result.ok);
  assert.equal(result.value, "<domain type='kvm'>\n  <name>vm</name>\n</domain>\n");
  assert.deepEqual(
    result.documents.map((d) => d.status),
    ['skipped', 'applied'],
  );
  assert.deepEqual(
    result.documents[1]?.operations.map((op) => [op.matches, op.skipped]),
    [
      [1, undefined],
      [0, 'when'],
    ],
  );
});

test('a condition that fails to evaluate is an error of its document', () => {
  const result = applyDomain(
    INPUT,
    [
      patchDocument('broken', [remove(0, '/domain/name')], {
        when: cel("vmi.metadata.annotations['absent'] == 'x'"),
      }),
    ],
    call,
  );
  assert.equal(
    result.ok ? 'ok' : [result.error.code, result.error.location.document].join(' '),
    'CEL_EVAL broken',
  );
});

test('vars are evaluated once and inserted as text', () => {
  const vars = [{ name: 'maker', expression: cel("vmi.metadata.annotations['maker']"), at: {} }];
  const result = applyDomain(
    INPUT,
    [
      patchDocument('vars', [add(0, '/domain', '<entry name="$(maker)">$(maker)</entry>')], {
        vars,
      }),
    ],
    call,
  );
  assert.ok(result.ok);
  assert.match(result.value, /<entry name='A&amp;B &lt;x&gt;'>A&amp;B &lt;x&gt;<\/entry>/);
});

test('malformed input fails the call', () => {
  const result = applyDomain('<domain>', [patchDocument('any', [remove(0, '/domain/name')])], call);
  assert.equal(result.ok ? 'ok' : result.error.code, 'XML_MALFORMED');
});

test('malformed input is not even parsed when no document has domain operations', () => {
  const result = applyDomain('<domain>', [patchDocument('json-only', [])], call);
  assert.ok(result.ok);
  assert.equal(result.value, '<domain>');
});

test('an ignored document leaves no trace, whatever it changed before failing', () => {
  const failing = patchDocument(
    'many-then-fail',
    [
      add(0, '/domain', '<qemu:commandline><qemu:arg value="-x"/></qemu:commandline>'),
      replace(1, '/domain/@type', 'qemu'),
      remove(2, '/domain/devices/memballoon'),
      add(3, '/domain/name', '<title>t</title>', { position: 'after' }),
      remove(4, '/domain'),
    ],
    { failurePolicy: 'Ignore' },
  );
  const after = patchDocument('after', [add(0, '/domain/devices', '<rng model="virtio"/>')]);
  const both = applyDomain(INPUT, [after, failing, after], call);
  const alone = applyDomain(INPUT, [after], call);
  assert.ok(both.ok && alone.ok);
  assert.equal(both.value, alone.value);
  assert.deepEqual(
    both.documents.map((d) => d.status),
    ['applied', 'ignored', 'applied'],
  );
  assert.equal(both.documents[2]?.operations[0]?.skipped, 'present');
});

test('the byte order mark and the trailing newline of the input are kept', () => {
  const result = applyDomain(
    '\uFEFF<domain>\n  <name>vm</name>\n</domain>\n\n',
    [patchDocument('bom', [remove(0, '/domain/name')])],
    call,
  );
  assert.ok(result.ok);
  assert.equal(result.value, '\uFEFF<domain>\n</domain>\n\n');
});
