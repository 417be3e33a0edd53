/** PreCloudInitIso in process on KubeVirt's recorded CloudInitData: faithful pass-through, consistent legacy source. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { patchCloudInit } from '../../src/hook/cloud-init-call.js';
import { jsonLog } from '../../src/hook/log.js';
import { fixedSources } from './sources-double.js';

const fixture = (name: string): Buffer =>
  readFileSync(new URL(`../fixtures/calls/${name}`, import.meta.url));
const VMI = fixture('vmi.json');
const CALL = {
  hook: 'PreCloudInitIso',
  version: 'v1alpha3',
  context: 'Boot',
  annotations: true,
} as const;
const log = jsonLog(() => undefined);

const samples: ReadonlyArray<[string, string]> = [
  ['cloudinitdata.json', 'nocloud.json'],
  [
    '02-nocloud-networkdata-vmi-masquerade.cloudInitData.json',
    '02-nocloud-networkdata-vmi-masquerade.cloudInitNoCloudSource.json',
  ],
  [
    '04-configdrive-vmi-multus-multiple-net.cloudInitData.json',
    '04-configdrive-vmi-multus-multiple-net.cloudInitNoCloudSource.json',
  ],
  [
    '06-nocloud-go-escaping-synthetic.cloudInitData.json',
    '06-nocloud-go-escaping-synthetic.cloudInitNoCloudSource.json',
  ],
];

const ADD_KEY =
  'userData:\n  - op: add\n    path: /ssh_authorized_keys\n    value: [ssh-ed25519 AAAA ops@example.com]\n';

for (const [dataFile, noCloudFile] of samples) {
  test(`${dataFile}: no documents give back both inputs byte for byte`, async () => {
    const request = {
      cloudInitData: fixture(dataFile),
      cloudInitNoCloudSource: fixture(noCloudFile),
      vmi: VMI,
    };
    const result = await patchCloudInit({ sources: fixedSources('[]'), log }, CALL, request);
    assert.ok(result.ok);
    assert.equal(result.value.cloudInitData, request.cloudInitData);
    assert.equal(result.value.cloudInitNoCloudSource, request.cloudInitNoCloudSource);
  });

  test(`${dataFile}: a userData patch reaches both replies the same way`, async () => {
    const request = {
      cloudInitData: fixture(dataFile),
      cloudInitNoCloudSource: fixture(noCloudFile),
      vmi: VMI,
    };
    const result = await patchCloudInit({ sources: fixedSources(ADD_KEY), log }, CALL, request);
    assert.ok(result.ok);
    const data = JSON.parse(String(result.value.cloudInitData));
    const legacy = JSON.parse(result.value.cloudInitNoCloudSource.toString('utf8'));
    assert.ok(String(data.UserData).startsWith('#cloud-config\n'));
    assert.ok(String(data.UserData).includes('ops@example.com'));
    assert.equal(legacy.userData, data.UserData);
    assert.equal(legacy.networkData ?? '', data.NetworkData);
  });
}

test('an empty cloudInitData is refused as INVALID_ARGUMENT input', async () => {
  const result = await patchCloudInit({ sources: fixedSources(ADD_KEY), log }, CALL, {
    cloudInitData: Buffer.alloc(0),
    vmi: VMI,
  });
  assert.ok(!result.ok);
  assert.deepEqual(
    result.errors.map((error) => [error.code, error.location.source]),
    [['JSON_MALFORMED', 'cloudInitData']],
  );
});
