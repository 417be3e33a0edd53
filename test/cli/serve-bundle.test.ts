/** serve's one-file bundle is run with its code cache when V8 takes it, and compiled as usual when there is none or V8 refuses it. */
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { codeCachePath, compileServeBundle } from '../../src/cli/serve-bundle.js';

const ID = '0123456789abcdef';
/** A stand-in bundle: CommonJS that exports what serve-entry.ts does, and uses require. */
const BUNDLE = `/*! hookpatch serve ${ID} */
"use strict";
const { join } = require('node:path');
exports.installXmldomRegexpCache = () => undefined;
exports.runServe = async (argv) => join('.', ...argv).length;
`;

async function bundleFile(text = BUNDLE): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'hookpatch-bundle-')), 'serve.cjs');
  await writeFile(path, text);
  return path;
}

test('the cache file is named by the build id on the first line; no id, no cache', () => {
  assert.equal(codeCachePath('/d/serve.cjs', BUNDLE), `/d/serve.cjs.${ID}.cache`);
  assert.equal(codeCachePath('/d/serve.cjs', '"use strict";'), undefined);
});

test('without a cache file the bundle runs, compiled as usual', async () => {
  const compiled = compileServeBundle(await bundleFile());
  assert.equal(compiled.codeCache, 'absent');
  // require works inside: join('.', 'x', 'y') is 'x/y'
  assert.equal(await compiled.exports.runServe(['x', 'y']), 3);
});

test('a cache made from the same bundle is used', async () => {
  const path = await bundleFile();
  const first = compileServeBundle(path, false);
  await writeFile(codeCachePath(path, BUNDLE) ?? '', first.script.createCachedData());
  const again = compileServeBundle(path);
  assert.equal(again.codeCache, 'used');
  assert.equal(await again.exports.runServe([]), 1);
});

test('a cache V8 refuses is reported, and the bundle still runs', async () => {
  const path = await bundleFile();
  await writeFile(codeCachePath(path, BUNDLE) ?? '', Buffer.from('not a V8 code cache'));
  const compiled = compileServeBundle(path);
  assert.equal(compiled.codeCache, 'rejected');
  assert.equal(await compiled.exports.runServe(['x']), 1);
});
