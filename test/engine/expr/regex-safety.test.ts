/** matches() patterns: which literals may backtrack without bound. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { patternRisk } from '../../../src/engine/expr/regex-safety.js';

const rows: ReadonlyArray<readonly [string, boolean]> = [
  ['^vm-[0-9]+$', true],
  ['^(abc|def)$', true],
  ['(ab)+', true],
  ['(a+)?', true],
  ['[(a+)+]', true],
  ['\\(a+\\)+', true],
  ['(?:ab)*', true],
  ['(a+)+$', false],
  ['(a|aa)*', false],
  ['((ab)*c)+', false],
  ['(a?){2,}', false],
  ['(a)\\1', false],
  ['a)', false],
];

for (const [pattern, safe] of rows) {
  it(`${pattern} is ${safe ? 'safe' : 'refused'}`, () => {
    assert.equal(patternRisk(pattern) === undefined, safe);
  });
}
