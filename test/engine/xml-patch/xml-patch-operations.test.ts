/** RFC 5261 cases the regression file does not cover: namespace declarations, attributes, prefixes in sel, load-time errors and their places. */
import { DEFAULT_LIMITS } from '../../../src/engine/limits.js';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { applyDomain, loadDocuments, type Rfc5261Error } from '../../../src/engine/index.js';
import { canonicalXml } from './canonical-xml.js';

const call = { vmi: {}, context: 'Boot' } as const;
const DOMAIN =
  '<domain xmlns:qemu="http://libvirt.org/schemas/domain/qemu/1.0"><os><smbios mode="host"/></os><qemu:commandline><qemu:arg value="-S"/></qemu:commandline></domain>';

const rows: ReadonlyArray<{
  name: string;
  diff: string;
  target?: string;
  result: string | Rfc5261Error;
}> = [
  {
    name: 'add an attribute',
    diff: '<diff><add sel="/domain/os" type="@firmware">efi</add></diff>',
    result: DOMAIN.replace('<os>', '<os firmware="efi">'),
  },
  {
    name: 'add an attribute that exists',
    diff: '<diff><add sel="/domain/os/smbios" type="@mode">sysinfo</add></diff>',
    result: 'invalid-patch-directive',
  },
  {
    name: 'add a prefixed attribute, prefix from the diff',
    diff: '<diff xmlns:k="urn:k"><add sel="/domain/os" type="@k:a">1</add></diff>',
    result: DOMAIN.replace('<os>', '<os xmlns:k="urn:k" k:a="1">'),
  },
  {
    name: 'add an attribute with an undeclared prefix',
    diff: '<diff><add sel="/domain/os" type="@k:a">1</add></diff>',
    result: 'invalid-namespace-prefix',
  },
  {
    name: 'add a namespace declaration that exists',
    diff: '<diff><add sel="/domain" type="namespace::qemu">urn:x</add></diff>',
    result: 'invalid-namespace-prefix',
  },
  {
    name: 'sel with a prefix declared on the diff',
    diff: '<diff xmlns:q="http://libvirt.org/schemas/domain/qemu/1.0"><remove sel="/domain/q:commandline/q:arg"/></diff>',
    result: DOMAIN.replace('<qemu:arg value="-S"/>', ''),
  },
  {
    name: 'sel with an undeclared prefix (qemu is not predefined for RFC 5261 documents)',
    diff: '<diff><remove sel="/domain/qemu:commandline"/></diff>',
    result: 'invalid-namespace-prefix',
  },
  {
    name: 'a default namespace in scope of sel is refused',
    diff: '<diff xmlns="urn:d"><remove sel="/domain/os"/></diff>',
    result: 'invalid-diff-format',
  },
  {
    name: 'sel locating two nodes',
    target: '<a><b/><b/></a>',
    diff: '<diff><remove sel="/a/b"/></diff>',
    result: 'unlocated-node',
  },
  {
    name: 'replace a namespace URI renames what uses it',
    diff: '<diff><replace sel="/domain/namespace::qemu">urn:new</replace></diff>',
    result: DOMAIN.replaceAll('http://libvirt.org/schemas/domain/qemu/1.0', 'urn:new'),
  },
  {
    name: 'after a namespace URI is replaced, the next operation selects by the new URI',
    diff: '<diff xmlns:n="urn:new"><replace sel="/domain/namespace::qemu">urn:new</replace><remove sel="/domain/n:commandline"/></diff>',
    result: '<domain><os><smbios mode="host"/></os></domain>',
  },
  {
    name: 'remove a namespace declaration still in use',
    diff: '<diff><remove sel="/domain/namespace::qemu"/></diff>',
    result: 'invalid-namespace-prefix',
  },
  {
    name: 'remove an unused namespace declaration',
    target: '<a xmlns:p="urn:p"><b/></a>',
    diff: '<diff><remove sel="/a/namespace::p"/></diff>',
    result: '<a><b/></a>',
  },
  {
    name: 'prepend keeps the content as written',
    target: '<a><b/></a>',
    diff: '<diff><add sel="/a" pos="prepend"> <c/></add></diff>',
    result: '<a> <c/><b/></a>',
  },
  {
    name: 'after a text node',
    target: '<a>x<b/></a>',
    diff: '<diff><add sel="/a/text()" pos="after"><c/></add></diff>',
    result: '<a>x<c/><b/></a>',
  },
  {
    name: 'append to an attribute',
    diff: '<diff><add sel="/domain/os/smbios/@mode"><c/></add></diff>',
    result: 'invalid-node-types',
  },
  {
    name: 'a bad pos value',
    diff: '<diff><add sel="/domain" pos="inside"><c/></add></diff>',
    result: 'invalid-attribute-value',
  },
  {
    name: 'a bad ws value',
    diff: '<diff><remove sel="/domain/os" ws="around"/></diff>',
    result: 'invalid-attribute-value',
  },
  {
    name: 'an element that is not an operation',
    diff: '<diff><delete sel="/domain/os"/></diff>',
    result: 'invalid-diff-format',
  },
  {
    name: 'an XPath syntax error',
    diff: '<diff><remove sel="/domain/[os"/></diff>',
    result: 'invalid-diff-format',
  },
];

for (const row of rows) {
  test(`RFC 5261: ${row.name}`, () => {
    const loaded = loadDocuments(row.diff, { source: 'p.xml', origin: 'file' });
    const applied =
      loaded.errors.length === 0
        ? applyDomain(row.target ?? DOMAIN, loaded.documents, call)
        : undefined;
    const error = loaded.errors[0] ?? (applied?.ok === false ? applied.error : undefined);
    if (row.result.startsWith('<')) {
      assert.ok(applied?.ok === true, error?.message);
      assert.equal(canonicalXml(applied.value), canonicalXml(row.result));
    } else {
      assert.equal(error?.rfc5261, row.result, error?.message ?? 'no error');
    }
  });
}

test('RFC 5261: load errors are placed at their operation element, all of them at once', () => {
  const loaded = loadDocuments('<diff>\n  <add sel="/a" pos="x"/>\n  <remove/>\n</diff>', {
    source: 'p.xml',
    origin: 'annotation',
  });
  assert.deepEqual(
    loaded.errors.map((e) => [
      e.code,
      e.rfc5261,
      e.location.source,
      e.location.line,
      e.location.column,
      e.location.operation,
      e.location.op,
    ]),
    [
      ['SCHEMA_VIOLATION', 'invalid-attribute-value', 'p.xml', 2, 3, 0, 'add'],
      ['MISSING_FIELD', 'invalid-diff-format', 'p.xml', 3, 3, 1, 'remove'],
    ],
  );
});

test('RFC 5261: a document gets a derived name and its origin; a DOCTYPE is refused', () => {
  const loaded = loadDocuments('<diff><remove sel="/a/b"/></diff>', {
    source: '/etc/hookpatch/x.xml',
    origin: 'file',
  });
  assert.deepEqual(
    loaded.documents.map((d) => [d.name, d.origin, d.domain.length]),
    [['x.xml#0', 'file', 1]],
  );
  const doctype = loadDocuments('<!DOCTYPE diff [<!ENTITY e "x">]><diff/>', {
    source: 'x.xml',
    origin: 'file',
  });
  assert.deepEqual(
    doctype.errors.map((e) => e.code),
    ['DOCTYPE_REFUSED'],
  );
});

test('RFC 5261: the operations of a failing document leave the input untouched', () => {
  const loaded = loadDocuments(
    '<diff><add sel="/domain/os" type="@firmware">efi</add><remove sel="/domain/nothing"/></diff>',
    { source: 'p.xml', origin: 'file' },
  );
  const applied = applyDomain(DOMAIN, loaded.documents, call);
  assert.ok(!applied.ok);
  assert.deepEqual(
    [applied.error.code, applied.error.rfc5261, applied.error.location.operation],
    ['NO_MATCH', 'unlocated-node', 1],
  );
});

test('RFC 5261: the loader limits hold for XML patch documents (depth, operations)', () => {
  const limits = {
    ...DEFAULT_LIMITS,
    maxInputLength: 1 << 20,
    maxSourceLength: 1 << 20,
    maxOperations: 2,
    maxDepth: 8,
    maxCelCost: 1000,
  };
  const deep = `<diff><add sel="/a">${'<x>'.repeat(20)}${'</x>'.repeat(20)}</add></diff>`;
  const many = `<diff>${'<remove sel="/a/b"/>'.repeat(3)}</diff>`;
  const codes = [deep, many].map((text) =>
    loadDocuments(text, { source: 'p.xml', origin: 'annotation' }, limits).errors.map(
      (e) => e.code,
    ),
  );
  assert.deepEqual(codes, [['LIMIT_EXCEEDED'], ['LIMIT_EXCEEDED']]);
  assert.deepEqual(
    loadDocuments(
      `<diff>${'<remove sel="/a/b"/>'.repeat(2)}</diff>`,
      { source: 'p.xml', origin: 'annotation' },
      limits,
    ).errors,
    [],
  );
});

test('RFC 5261: any XML-looking text loads or fails with coded errors placed inside it, never throws', () => {
  const piece = fc.constantFrom(
    '<diff>',
    '</diff>',
    '<add sel="/a">',
    '</add>',
    '<remove sel="//b" ws="both"/>',
    '<replace sel="/a/namespace::p">',
    '</replace>',
    '<x:y/>',
    ' type="@q"',
    'text',
    '<!--c-->',
    '<!DOCTYPE d>',
    '&e;',
    '\n',
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
      const text = `<${pieces.join('')}`;
      const result = loadDocuments(text, { source: 'fuzz.xml', origin: 'annotation' });
      for (const error of result.errors) {
        assert.ok(
          error.location.line !== undefined &&
            error.location.line >= 1 &&
            error.location.line <= text.split('\n').length,
          JSON.stringify(error),
        );
        assert.ok(
          error.location.column !== undefined && error.location.column >= 1,
          JSON.stringify(error),
        );
      }
      assert.ok(result.errors.length === 0 || result.documents.length === 0);
    }),
  );
});
