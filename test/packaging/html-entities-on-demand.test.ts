/** The bundle's xmldom entities module, its HTML table built on first read, holds exactly what xmldom's own does. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { runInThisContext } from 'node:vm';
// @ts-expect-error: a plain ES module of the build, without type declarations
import { entitiesOnDemand } from '../../scripts/html-entities-on-demand.mjs';

const require = createRequire(import.meta.url);
const entitiesPath = require.resolve('@xmldom/xmldom/lib/entities.js');
const original = require('@xmldom/xmldom/lib/entities.js') as Record<string, unknown>;

/** Evaluates the rewritten module as CommonJS, with xmldom's own `./conventions`. */
function rewritten(): Record<string, unknown> {
  const source = (entitiesOnDemand as (text: string) => string)(readFileSync(entitiesPath, 'utf8'));
  const run = runInThisContext(`(function (exports, require) {${source}\n})`) as (
    exports: Record<string, unknown>,
    require: NodeJS.Require,
  ) => void;
  const exports: Record<string, unknown> = {};
  run(exports, createRequire(entitiesPath));
  return exports;
}

test('the rewritten entities module exports the same tables, built once, frozen', () => {
  const lazy = rewritten();
  assert.deepEqual(Object.keys(lazy).sort(), Object.keys(original).sort());
  assert.deepEqual(lazy['XML_ENTITIES'], original['XML_ENTITIES']);
  assert.deepEqual(lazy['HTML_ENTITIES'], original['HTML_ENTITIES']);
  assert.equal(lazy['entityMap'], lazy['HTML_ENTITIES']);
  assert.equal(lazy['HTML_ENTITIES'], lazy['HTML_ENTITIES']);
  assert.ok(Object.isFrozen(lazy['HTML_ENTITIES']));
});

test('a source of another shape is refused, not half rewritten', () => {
  assert.throws(() => (entitiesOnDemand as (text: string) => string)('exports.XML_ENTITIES = {};'));
});
