/** Which warnings a call's log line repeats (src/hook/call-warnings.ts): each code where it applies. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OperationList, WarningCode } from '../../src/engine/index.js';
import { warningApplies, type HookName } from '../../src/hook/call-warnings.js';

/** [code, the list its operation is in, the hook, whether the log line repeats it] */
const rows: ReadonlyArray<readonly [WarningCode, OperationList, HookName, boolean]> = [
  ['DROPPED_BY_KUBEVIRT', 'domain', 'OnDefineDomain', true],
  ['DROPPED_BY_KUBEVIRT', 'domain', 'MutateDomain', false],
  ['DROPPED_BY_KUBEVIRT', 'domain', 'PreCloudInitIso', false],
  ['KUBEVIRT_MANAGED_DEVICE', 'domain', 'OnDefineDomain', true],
  ['KUBEVIRT_MANAGED_DEVICE', 'domain', 'MutateDomain', true],
  ['KUBEVIRT_MANAGED_DEVICE', 'domain', 'PreCloudInitIso', false],
  ['UNACCOUNTED_MEMORY', 'domain', 'OnDefineDomain', true],
  ['UNACCOUNTED_MEMORY', 'domain', 'MutateDomain', true],
  ['UNACCOUNTED_MEMORY', 'userData', 'OnDefineDomain', false],
  ['UNACCOUNTED_MEMORY', 'cloudInit', 'PreCloudInitIso', true],
];

for (const [code, list, hook, applies] of rows) {
  test(`${code} of a ${list} operation on ${hook}: ${applies ? 'logged' : 'not logged'}`, () => {
    const warning = { code, message: 'm', location: { list, operation: 0 } };
    assert.equal(warningApplies(warning, hook), applies);
  });
}
