/** The schema validator is generated from schemas/patch.schema.json (ajv standalone code, so start-up compiles nothing); this test keeps them in step. */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const schemaFile = new URL('../../../schemas/patch.schema.json', import.meta.url);
const generatedFile = new URL(
  '../../../src/engine/load/patch-schema-validator.generated.ts',
  import.meta.url,
);

const HEADER = [
  '/* eslint-disable */',
  '// Generated from schemas/patch.schema.json by test/engine/load/patch-schema-validator.test.ts',
  '// (run it with UPDATE_GENERATED=1 after changing the schema); do not edit.',
  '// @ts-nocheck',
].join('\n');

function generate(): string {
  const schema: unknown = JSON.parse(readFileSync(schemaFile, 'utf8'));
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    code: { source: true, esm: true },
  });
  const validate = ajv.compile(typeof schema === 'object' && schema !== null ? schema : {});
  return `${HEADER}\n${standaloneCode.default(ajv, validate)}\n`;
}

test('the generated validator matches schemas/patch.schema.json', () => {
  const expected = generate();
  if (process.env['UPDATE_GENERATED'] === '1') writeFileSync(generatedFile, expected);
  assert.equal(readFileSync(generatedFile, 'utf8'), expected);
});
