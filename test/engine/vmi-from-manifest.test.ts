/** A VMI is itself; a VirtualMachine becomes the VMI its template would create; anything else is refused. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { vmiFromManifest } from '../../src/engine/vmi-from-manifest.js';

const VM = {
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  metadata: {
    name: 'testvm',
    namespace: 'default',
    annotations: { 'only.on/the-vm': 'x' },
    resourceVersion: '7',
  },
  spec: {
    runStrategy: 'Always',
    template: {
      metadata: {
        labels: { 'kubevirt.io/vm': 'testvm' },
        annotations: { 'hookpatch.io/patch': 'domain: []' },
      },
      spec: { domain: { devices: {} } },
    },
  },
  status: { ready: true },
};

test('a VirtualMachine becomes its template: VM name and namespace, template labels, annotations and spec', () => {
  assert.deepEqual(vmiFromManifest(VM), {
    ok: true,
    value: {
      apiVersion: 'kubevirt.io/v1',
      kind: 'VirtualMachineInstance',
      metadata: {
        name: 'testvm',
        namespace: 'default',
        labels: { 'kubevirt.io/vm': 'testvm' },
        annotations: { 'hookpatch.io/patch': 'domain: []' },
      },
      spec: { domain: { devices: {} } },
    },
  });
});

test('a VirtualMachineInstance, or an object without kind, is used as it is', () => {
  const vmi = { kind: 'VirtualMachineInstance', metadata: { name: 'a' }, spec: {} };
  assert.deepEqual(vmiFromManifest(vmi), { ok: true, value: vmi });
  assert.deepEqual(vmiFromManifest({ metadata: {} }), { ok: true, value: { metadata: {} } });
});

const REFUSED: readonly { name: string; manifest: unknown }[] = [
  { name: 'another kind', manifest: { kind: 'Pod', metadata: {} } },
  { name: 'a list', manifest: [VM] },
  { name: 'a string', manifest: 'VirtualMachine' },
  { name: 'null', manifest: null },
];

for (const { name, manifest } of REFUSED) {
  test(`${name} is not a VMI (JSON_MALFORMED)`, () => {
    const result = vmiFromManifest(manifest);
    assert.equal(result.ok ? 'ok' : result.problem.code, 'JSON_MALFORMED');
  });
}
