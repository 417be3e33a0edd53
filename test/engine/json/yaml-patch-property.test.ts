import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { applyCloudInit } from '../../../src/engine/apply-cloud-init.js';
import { formatGoJson } from '../../../src/engine/json/cloud-init-data.js';
import { applyJsonPatch } from '../../../src/engine/json/apply-operation.js';
import { parseJsonPatch } from '../../../src/engine/json/parse-patch.js';
import { jsonDocument, type RawOperation } from './patch-document-builder.js';

const key = fc.constantFrom('a', 'b', 'packages', 'yes', '0', '__proto__');
const pointer = fc
  .array(fc.oneof(key, fc.constantFrom('0', '1', '-')), { maxLength: 3 })
  .map((tokens) => tokens.map((t) => `/${t}`).join(''));
const value = fc.jsonValue({ maxDepth: 2 });
const operation: fc.Arbitrary<RawOperation> = fc.oneof(
  fc.record({ op: fc.constantFrom('add' as const, 'replace' as const), path: pointer, value }),
  fc.record({ op: fc.constant('remove' as const), path: pointer }),
  fc.record({
    op: fc.constantFrom('move' as const, 'copy' as const),
    path: pointer,
    from: pointer,
  }),
);
const userData = fc.dictionary(key, fc.oneof(value, fc.array(value, { maxLength: 4 })), {
  maxKeys: 4,
  noNullPrototype: true,
});

function readsBackAs(text: string, data: unknown): boolean {
  try {
    assert.deepEqual(parse(text, { version: '1.1' }) ?? {}, data);
    return true;
  } catch {
    return false;
  }
}

test('property: patched user data reads back as the RFC 6902 result of the plain data', () => {
  fc.assert(
    fc.property(
      userData,
      fc.array(operation, { minLength: 1, maxLength: 4 }),
      (data, operations) => {
        const text = `#cloud-config\n# owner comment\n${stringify(data, { version: '1.1' })}`;
        // the input must mean `data` to a YAML 1.1 reader: the yaml package writes `<<: null` plain,
        // which YAML 1.1 reads as a merge (hookpatch's own writing quotes it: yaml11-written.test.ts)
        fc.pre(readsBackAs(text, data));
        const expected = parseJsonPatch(operations);
        assert.ok(expected.ok);
        const plain = applyJsonPatch(data, expected.value);
        const input = formatGoJson({ DataSource: 'noCloud', UserData: text, NetworkData: '' });
        const result = applyCloudInit(input, [jsonDocument('p', { userData: operations })], {
          vmi: {},
          context: 'Boot',
        });
        assert.equal(
          result.ok,
          plain.ok &&
            typeof plain.value === 'object' &&
            plain.value !== null &&
            !Array.isArray(plain.value),
        );
        if (!result.ok) {
          assert.equal(result.error.code, plain.ok ? 'WRONG_NODE_TYPE' : plain.problem.code);
          return;
        }
        const output: unknown = JSON.parse(result.value.cloudInitData);
        assert.ok(
          typeof output === 'object' &&
            output !== null &&
            'UserData' in output &&
            typeof output.UserData === 'string',
        );
        assert.ok(output.UserData.startsWith('#cloud-config\n# owner comment\n'), output.UserData);
        assert.ok(plain.ok);
        assert.deepEqual(parse(output.UserData, { version: '1.1' }) ?? {}, plain.value);
      },
    ),
    { numRuns: 300 },
  );
});
