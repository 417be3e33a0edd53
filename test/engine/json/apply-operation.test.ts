import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { applyJsonPatch, applyOperation } from '../../../src/engine/json/apply-operation.js';
import { parseJsonPatch } from '../../../src/engine/json/parse-patch.js';
import { deepFreeze } from './deep-freeze.js';

function run(document: unknown, patch: unknown): ReturnType<typeof applyJsonPatch> {
  const operations = parseJsonPatch(patch);
  assert.ok(operations.ok, operations.ok ? '' : operations.problem.message);
  return applyJsonPatch(deepFreeze(document), operations.value);
}

test('failures carry a code and the index of the failing operation', () => {
  const cases: [unknown, unknown, string, number][] = [
    [
      { a: 1 },
      [
        { op: 'add', path: '/a', value: 2 },
        { op: 'test', path: '/a', value: 1 },
      ],
      'TEST_FAILED',
      1,
    ],
    [{ a: 1 }, [{ op: 'remove', path: '' }], 'ROOT_REMOVED', 0],
    [{ a: { b: 1 } }, [{ op: 'move', from: '/a', path: '/a/b/c' }], 'SCHEMA_VIOLATION', 0],
    [{ a: [1] }, [{ op: 'replace', path: '/a/-', value: 2 }], 'POINTER_NOT_FOUND', 0],
    [{ a: 'text' }, [{ op: 'add', path: '/a/b', value: 2 }], 'POINTER_NOT_FOUND', 0],
    [{ a: null }, [{ op: 'add', path: '/a/b', value: 2 }], 'POINTER_NOT_FOUND', 0],
    [
      [1, 2],
      [
        { op: 'remove', path: '/0' },
        { op: 'remove', path: '/1' },
      ],
      'POINTER_NOT_FOUND',
      1,
    ],
    [{}, [{ op: 'copy', from: '/constructor', path: '/x' }], 'POINTER_NOT_FOUND', 0],
    [{}, [{ op: 'test', path: '/toString', value: null }], 'POINTER_NOT_FOUND', 0],
    [{}, [{ op: 'add', path: '/__proto__/polluted', value: true }], 'POINTER_NOT_FOUND', 0],
  ];
  for (const [document, patch, code, index] of cases) {
    const result = run(document, patch);
    assert.deepEqual(
      result.ok ? 'ok' : [result.problem.code, result.index],
      [code, index],
      JSON.stringify(patch),
    );
  }
});

test('results follow RFC 6902', () => {
  const cases: [unknown, unknown, unknown][] = [
    [{ a: { b: 1 } }, [{ op: 'move', from: '/a/b', path: '/a/b' }], { a: { b: 1 } }],
    [{ a: [1, 2, 3] }, [{ op: 'move', from: '/a/0', path: '/a/-' }], { a: [2, 3, 1] }],
    [{ a: { b: 1 } }, [{ op: 'move', from: '/a', path: '/c' }], { c: { b: 1 } }],
    [
      { a: [1] },
      [
        { op: 'copy', from: '/a', path: '/b' },
        { op: 'add', path: '/b/-', value: 2 },
      ],
      { a: [1], b: [1, 2] },
    ],
    [{ n: 1.0 }, [{ op: 'test', path: '/n', value: 1 }], { n: 1 }],
    [
      { o: { x: 1, y: [1, { z: 2 }] } },
      [{ op: 'test', path: '/o', value: { y: [1, { z: 2 }], x: 1 } }],
      { o: { x: 1, y: [1, { z: 2 }] } },
    ],
    [{ a: 1 }, [{ op: 'replace', path: '', value: [1] }], [1]],
  ];
  for (const [document, patch, expected] of cases) {
    const result = run(document, patch);
    assert.ok(result.ok, JSON.stringify(patch));
    assert.deepEqual(result.value, expected, JSON.stringify(patch));
  }
});

test('"__proto__" and "constructor" are ordinary member names, prototypes are never reached', () => {
  const document: unknown = JSON.parse('{"__proto__": {"x": 1}}');
  const result = run(document, [
    { op: 'add', path: '/__proto__/polluted', value: true },
    { op: 'add', path: '/constructor', value: { prototype: { polluted: true } } },
    { op: 'copy', from: '/__proto__', path: '/copy' },
  ]);
  assert.ok(result.ok);
  assert.deepEqual(
    JSON.stringify(result.value),
    '{"__proto__":{"x":1,"polluted":true},"constructor":{"prototype":{"polluted":true}},"copy":{"x":1,"polluted":true}}',
  );
  assert.equal(Object.getPrototypeOf(result.value), Object.prototype);
  assert.equal(Object.hasOwn(Object.prototype, 'polluted'), false);
});

test('property: a failing patch leaves the input untouched, a succeeding one never mutates it', () => {
  const pointerArb = fc
    .array(fc.constantFrom('a', 'b', '0', '1', '-', '__proto__'), { maxLength: 3 })
    .map((tokens) => tokens.map((t) => `/${t}`).join(''));
  const operationArb = fc.oneof(
    fc.record({
      op: fc.constantFrom('add', 'replace', 'test'),
      path: pointerArb,
      value: fc.jsonValue({ maxDepth: 2 }),
    }),
    fc.record({ op: fc.constant('remove'), path: pointerArb }),
    fc.record({ op: fc.constantFrom('move', 'copy'), path: pointerArb, from: pointerArb }),
  );
  fc.assert(
    fc.property(
      fc.jsonValue({ maxDepth: 3 }),
      fc.array(operationArb, { maxLength: 4 }),
      (document, patch) => {
        const before = structuredClone(document);
        const operations = parseJsonPatch(patch);
        assert.ok(operations.ok);
        const frozen = deepFreeze(document);
        const result = applyJsonPatch(frozen, operations.value);
        assert.deepEqual(frozen, before);
        if (result.ok)
          assert.equal(
            applyOperation(result.value, {
              op: 'test',
              path: { source: '', tokens: [] },
              value: result.value,
            }).ok,
            true,
          );
      },
    ),
    { numRuns: 500 },
  );
});
