import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  arrayIndex,
  formatPointer,
  isProperPrefix,
  parsePointer,
  type Pointer,
} from '../../../src/engine/json/pointer.js';

function pointer(source: string): Pointer {
  const parsed = parsePointer(source);
  assert.ok(parsed.ok, source);
  return parsed.value;
}

test('parsePointer unescapes ~1 then ~0 (RFC 6901 §4)', () => {
  const cases: [string, string[]][] = [
    ['', []],
    ['/', ['']],
    ['/foo', ['foo']],
    ['/foo/0', ['foo', '0']],
    ['/a~1b', ['a/b']],
    ['/m~0n', ['m~n']],
    ['/~01', ['~1']],
    ['/~10', ['/0']],
    ['//', ['', '']],
    ['/ ', [' ']],
    ['/c%d', ['c%d']],
    ['/__proto__', ['__proto__']],
  ];
  for (const [source, tokens] of cases) assert.deepEqual(pointer(source).tokens, tokens, source);
});

test('parsePointer refuses what RFC 6901 does not allow', () => {
  for (const source of ['foo', ' /a', '#/a', '/a~', '/a~2', '/~x']) {
    const parsed = parsePointer(source);
    assert.equal(parsed.ok ? 'ok' : parsed.problem.code, 'POINTER_SYNTAX', source);
  }
});

test('formatPointer is the inverse of parsePointer', () => {
  for (const source of ['', '/', '/a~1b/m~0n', '/~01', '/x/-/0'])
    assert.equal(formatPointer(pointer(source).tokens), source);
});

test('arrayIndex accepts "0" and digits without a leading zero only', () => {
  const cases: [string, number | undefined][] = [
    ['0', 0],
    ['7', 7],
    ['10', 10],
    ['01', undefined],
    ['00', undefined],
    ['-1', undefined],
    ['1e0', undefined],
    [' 1', undefined],
    ['-', undefined],
    ['', undefined],
    ['99999999999999999999', undefined],
  ];
  for (const [token, index] of cases) assert.equal(arrayIndex(token), index, token);
});

test('isProperPrefix is true for ancestors only', () => {
  const cases: [string, string, boolean][] = [
    ['', '/a', true],
    ['/a', '/a/b', true],
    ['/a', '/a', false],
    ['/a', '/ab', false],
    ['/a/b', '/a', false],
    ['/a~1b', '/a/b/c', false],
  ];
  for (const [prefix, path, expected] of cases)
    assert.equal(isProperPrefix(pointer(prefix), pointer(path)), expected, `${prefix} ${path}`);
});
