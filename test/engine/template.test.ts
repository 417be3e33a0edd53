import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expandTemplate, templateNames } from '../../src/engine/template.js';

const vars = new Map([
  ['maker', 'A&B <x>'],
  ['n', '2'],
]);

test('templateNames finds references and skips $$(', () => {
  const cases: [string, string[]][] = [
    ['plain', []],
    ['$(maker) and $(n)', ['maker', 'n']],
    ['$$(maker)', []],
    ['$(a)$(a)', ['a', 'a']],
    ['$(not valid)', []],
  ];
  for (const [text, names] of cases) assert.deepEqual(templateNames(text), names, text);
});

test('expandTemplate replaces known names and unescapes $$(', () => {
  const cases: [string, string][] = [
    ['plain', 'plain'],
    ['$(maker)', 'A&B <x>'],
    ['x$(n)y', 'x2y'],
    ['$$(maker)', '$(maker)'],
    ['$$$(n)', '$$(n)'], // scanned left to right: a lone $, then $$( as a literal
    ['$(unknown)', '$(unknown)'],
  ];
  for (const [text, expected] of cases) assert.equal(expandTemplate(text, vars), expected, text);
});
