/** Info's hook points: PreCloudInitIso only when cloud-init patching is configured, Shutdown only with v1alpha3. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hookPoints } from '../../src/hook/info.js';
import type { LegacyVersion } from '../../src/hook/legacy-versions.js';
import { jsonLog } from '../../src/hook/log.js';
import { fixedSources } from './sources-double.js';

const DOMAIN_ONLY = 'domain:\n  - op: remove\n    path: /domain/x\n';
const WITH_CLOUD_INIT = 'userData:\n  - op: remove\n    path: /x\n';
const ALL: readonly LegacyVersion[] = ['v1alpha3', 'v1alpha2', 'v1alpha1'];

const rows: ReadonlyArray<{
  versions: readonly LegacyVersion[];
  text: string;
  cloudInit: boolean;
  expected: readonly string[];
}> = [
  { versions: ALL, text: DOMAIN_ONLY, cloudInit: false, expected: ['OnDefineDomain', 'Shutdown'] },
  {
    versions: ALL,
    text: WITH_CLOUD_INIT,
    cloudInit: false,
    expected: ['OnDefineDomain', 'PreCloudInitIso', 'Shutdown'],
  },
  {
    versions: ALL,
    text: DOMAIN_ONLY,
    cloudInit: true,
    expected: ['OnDefineDomain', 'PreCloudInitIso', 'Shutdown'],
  },
  {
    versions: ['v1alpha2'],
    text: WITH_CLOUD_INIT,
    cloudInit: false,
    expected: ['OnDefineDomain', 'PreCloudInitIso'],
  },
  { versions: ['v1alpha1'], text: WITH_CLOUD_INIT, cloudInit: true, expected: ['OnDefineDomain'] },
];

for (const row of rows) {
  test(`hook points for ${row.versions.join(',')}, ${row.text === DOMAIN_ONLY ? 'domain only' : 'cloud-init'}${row.cloudInit ? ', --cloud-init' : ''}`, async () => {
    const settings = {
      name: 'hookpatch',
      versions: row.versions,
      cloudInit: row.cloudInit,
      sources: fixedSources(row.text),
      log: jsonLog(() => undefined),
    };
    assert.deepEqual(await hookPoints(settings), row.expected);
  });
}
