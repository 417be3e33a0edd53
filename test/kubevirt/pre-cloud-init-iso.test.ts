/**
 * A VM with network data only (empty UserData) through PreCloudInitIso, its reply taken the way
 * KubeVirt's hook manager takes it: the metadata, VolumeName and DevicesData survive whether the
 * documents change anything or not; a reply KubeVirt accepts as it is stays byte for byte.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { patchCloudInit } from '../../src/hook/cloud-init-call.js';
import { jsonLog } from '../../src/hook/log.js';
import { fixedSources } from '../hook/sources-double.js';
import { kubevirtTakes } from './cloud-init-reply.js';

const fixture = (name: string): Buffer =>
  readFileSync(new URL(`../fixtures/cloud-init/${name}`, import.meta.url));
const CALL = {
  hook: 'PreCloudInitIso',
  version: 'v1alpha3',
  context: 'Boot',
  annotations: true,
} as const;
const log = jsonLog(() => undefined);

/** KubeVirt's recorded network-data VMI (noCloud) and config-drive VMI, with their user data taken away. */
const samples = [
  '02-nocloud-networkdata-vmi-masquerade',
  '04-configdrive-vmi-multus-multiple-net',
].map((name) => {
  const data = JSON.parse(fixture(`${name}.cloudInitData.json`).toString('utf8'));
  const noCloud = JSON.parse(fixture(`${name}.cloudInitNoCloudSource.json`).toString('utf8'));
  delete noCloud.userData;
  return {
    name,
    data: { ...data, UserData: '' },
    cloudInitData: Buffer.from(JSON.stringify({ ...data, UserData: '' })),
    cloudInitNoCloudSource: Buffer.from(JSON.stringify(noCloud)),
  };
});

const documents: ReadonlyArray<[string, string]> = [
  ['no documents', '[]'],
  [
    'a document whose when is false',
    "when: 'false'\nnetworkData:\n  - {op: add, path: /x, value: 1}\n",
  ],
  ['a networkData patch', 'networkData:\n  - {op: add, path: /version, value: 2}\n'],
  ['a userData patch', 'userData:\n  - {op: add, path: /hostname, value: vm1}\n'],
];

for (const sample of samples) {
  for (const [what, source] of documents) {
    test(`${sample.name} without user data, ${what}: KubeVirt keeps the metadata`, async () => {
      const result = await patchCloudInit({ sources: fixedSources(source), log }, CALL, {
        cloudInitData: sample.cloudInitData,
        cloudInitNoCloudSource: sample.cloudInitNoCloudSource,
        vmi: Buffer.from('{}'),
      });
      assert.ok(result.ok);
      const taken = kubevirtTakes(
        sample.data.DataSource,
        Buffer.from(result.value.cloudInitData),
        Buffer.from(result.value.cloudInitNoCloudSource),
      );
      assert.deepEqual(
        [taken.NoCloudMetaData, taken.ConfigDriveMetaData, taken.VolumeName, taken.DevicesData],
        [
          sample.data.NoCloudMetaData,
          sample.data.ConfigDriveMetaData,
          sample.data.VolumeName,
          sample.data.DevicesData,
        ],
      );
      assert.match(taken.UserData, /^#cloud-config\n/);
    });
  }
}

test('the check can fail: KubeVirt loses the metadata of a reply with empty UserData', () => {
  const [sample] = samples;
  assert.ok(sample !== undefined);
  const taken = kubevirtTakes(
    sample.data.DataSource,
    sample.cloudInitData,
    sample.cloudInitNoCloudSource,
  );
  assert.equal(taken.NoCloudMetaData, null);
  assert.equal(taken.VolumeName, '');
});

test('a reply KubeVirt accepts as it is stays byte for byte', async () => {
  const data = fixture('02-nocloud-networkdata-vmi-masquerade.cloudInitData.json');
  const noCloud = fixture('02-nocloud-networkdata-vmi-masquerade.cloudInitNoCloudSource.json');
  const result = await patchCloudInit(
    { sources: fixedSources(documents[1]?.[1] ?? ''), log },
    CALL,
    {
      cloudInitData: data,
      cloudInitNoCloudSource: noCloud,
      vmi: Buffer.from('{}'),
    },
  );
  assert.ok(result.ok);
  assert.deepEqual(
    [result.value.cloudInitData, result.value.cloudInitNoCloudSource],
    [data, noCloud],
  );
});
