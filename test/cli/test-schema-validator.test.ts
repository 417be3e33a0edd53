/** The validator of hookpatch-test.yaml files is generated from schemas/test.schema.json; this test keeps them in step, and the schema's error codes with the engine's. */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const schemaFile = new URL('../../schemas/test.schema.json', import.meta.url);
const generatedFile = new URL(
  '../../src/cli/golden/test-schema-validator.generated.ts',
  import.meta.url,
);

const HEADER = [
  '/* eslint-disable */',
  '// Generated from schemas/test.schema.json by test/cli/test-schema-validator.test.ts',
  '// (run it with UPDATE_GENERATED=1 after changing the schema); do not edit.',
  '// @ts-nocheck',
].join('\n');

function generate(): string {
  const schema: unknown = JSON.parse(readFileSync(schemaFile, 'utf8'));
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    strictRequired: false,
    code: { source: true, esm: true },
  });
  const validate = ajv.compile(typeof schema === 'object' && schema !== null ? schema : {});
  return `${HEADER}\n${standaloneCode.default(ajv, validate)}\n`;
}

test('the generated validator matches schemas/test.schema.json', () => {
  const expected = generate();
  if (process.env['UPDATE_GENERATED'] === '1') writeFileSync(generatedFile, expected);
  assert.equal(readFileSync(generatedFile, 'utf8'), expected);
});

test("a case's error is one of the engine's error codes, all of them", () => {
  const union = readFileSync(new URL('../../src/engine/errors.ts', import.meta.url), 'utf8');
  const codes = [
    ...(/export type ErrorCode =([^;]*);/.exec(union)?.[1] ?? '').matchAll(/'([A-Z_0-9]+)'/g),
  ].map((m) => m[1]);
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
  assert.ok(codes.length > 20);
  assert.deepEqual(schema.definitions.case.properties.error.enum, codes);
});
