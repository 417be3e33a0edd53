/** The KubeVirt-aware warnings a loaded document carries: which operations warn, with which code, at which operation; and which do not. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadDocuments } from '../../../src/engine/index.js';

function warnings(domain: string): { code: string; operation: number | undefined }[] {
  const loaded = loadDocuments(`domain:\n${domain}`, { source: 'rows.yaml', origin: 'file' });
  assert.deepEqual(loaded.errors, []);
  const [document] = loaded.documents;
  assert.ok(document !== undefined);
  return document.warnings.map((warning) => ({
    code: warning.code,
    operation: warning.location.operation,
  }));
}

const MANAGED = 'KUBEVIRT_MANAGED_DEVICE';
const MEMORY = 'UNACCOUNTED_MEMORY';
const DROPPED = 'DROPPED_BY_KUBEVIRT';

const rows: readonly (readonly [string, string, readonly string[]])[] = [
  // a device's identity
  [
    'set an alias',
    `  - {op: set, path: "/domain/devices/disk[target/@dev='vda']/alias/@name", value: ua-b}`,
    [MANAGED],
  ],
  [
    'remove an address',
    `  - {op: remove, path: "/domain/devices/interface[alias/@name='ua-default']/address"}`,
    [MANAGED],
  ],
  [
    'replace an address attribute',
    `  - {op: replace, path: "//devices/disk/address/@slot", value: "0x09"}`,
    [MANAGED],
  ],
  [
    'remove a KubeVirt device',
    `  - {op: remove, path: "/domain/devices/disk[alias/@name='ua-cdrom']"}`,
    [MANAGED],
  ],
  [
    'replace a KubeVirt device',
    `  - {op: replace, path: "/domain/devices/interface[alias/@name='ua-default']", value: "<interface type='user'/>"}`,
    [MANAGED],
  ],
  [
    'add a device of its own with a ua- alias (libvirt keeps only ua- aliases)',
    `  - {op: add, path: /domain/devices, value: "<disk type='file'><alias name='ua-extra'/></disk>"}`,
    [],
  ],
  [
    'add a device of its own with an address',
    `  - {op: add, path: /domain/devices, value: "<watchdog model='i6300esb'><address type='pci' slot='0x0a'/></watchdog>"}`,
    [],
  ],
  // ordinary changes to a KubeVirt device are fine
  [
    'set a driver attribute of a device found by alias',
    `  - {op: set, path: "/domain/devices/disk[alias/@name='ua-a']/driver/@cache", value: none}`,
    [],
  ],
  [
    'remove a device part',
    `  - {op: remove, path: "/domain/devices/disk[alias/@name='ua-a']/driver/@io"}`,
    [],
  ],
  [
    'add a device without alias or address',
    `  - {op: add, path: /domain/devices, value: "<watchdog model='i6300esb' action='reset'/>"}`,
    [],
  ],
  [
    'add an alias of another name',
    `  - {op: add, path: /domain/devices, value: "<watchdog model='i6300esb'><alias name='wd0'/></watchdog>"}`,
    [],
  ],
  [
    'outside devices',
    `  - {op: set, path: "/domain/sysinfo/system/entry[@name='family']", value: x}`,
    [],
  ],
  // QEMU arguments that need memory
  [
    'add a VFIO device on the command line',
    `  - {op: add, path: /domain, value: "<qemu:commandline><qemu:arg value='-device'/><qemu:arg value='vfio-pci,host=0000:3b:00.0'/></qemu:commandline>"}`,
    [MEMORY],
  ],
  [
    'add an intel-iommu',
    `  - {op: add, path: /domain, value: "<qemu:commandline><qemu:arg value='-device'/><qemu:arg value='intel-iommu,intremap=on'/></qemu:commandline>"}`,
    [MEMORY],
  ],
  [
    'replace a memory backend argument',
    `  - {op: replace, path: "/domain/qemu:commandline/qemu:arg[@value='-object']/following-sibling::qemu:arg[1]/@value", value: "memory-backend-file,id=m,size=1G"}`,
    [MEMORY],
  ],
  [
    'an argument that needs no memory',
    `  - {op: add, path: /domain, value: "<qemu:commandline><qemu:arg value='-fw_cfg'/><qemu:arg value='opt/ovmf/X-PciMmio64Mb,string=65536'/></qemu:commandline>"}`,
    [],
  ],
  [
    'vfio-pci outside a qemu:arg',
    `  - {op: set, path: /domain/devices/disk/serial, value: vfio-pci}`,
    [],
  ],
  // what KubeVirt's DomainSpec does not keep: a part of an add (DROPPED_BY_KUBEVIRT); dropped whole, or
  // written again by set on every call, it converges and does not warn
  [
    'add an <rng> with a <rate>',
    `  - {op: add, path: /domain/devices, value: "<rng model='virtio'><rate bytes='1024'/></rng>"}`,
    [DROPPED],
  ],
  [
    'add a disk driver with detect_zeroes',
    `  - {op: add, path: "/domain/devices/disk[alias/@name='ua-a']", value: "<driver name='qemu' detect_zeroes='on'/>"}`,
    [DROPPED],
  ],
  [
    'add an <iommu> with intremap, before the rng',
    `  - {op: add, path: /domain/devices/rng, position: before, value: "<iommu model='intel'><driver intremap='on'/></iommu>"}`,
    [DROPPED],
  ],
  [
    'add an <rng> without a <rate>',
    `  - {op: add, path: /domain/devices, value: "<rng model='virtio'><backend model='random'>/dev/urandom</backend></rng>"}`,
    [],
  ],
  [
    'add <oemStrings>, dropped whole',
    `  - {op: add, path: /domain/sysinfo, value: "<oemStrings><entry>x</entry></oemStrings>"}`,
    [],
  ],
  [
    'add <qemu:commandline>, dropped whole',
    `  - {op: add, path: /domain, value: "<qemu:commandline><qemu:arg value='-S'/></qemu:commandline>"}`,
    [],
  ],
  [
    'set a rotation_rate',
    `  - {op: set, path: "/domain/devices/disk[alias/@name='ua-a']/target/@rotation_rate", value: "1"}`,
    [],
  ],
  [
    'set the rate of the rng',
    `  - {op: set, path: /domain/devices/rng/rate/@bytes, value: "1024"}`,
    [],
  ],
  [
    'replace a shmem size',
    `  - {op: replace, path: "/domain/devices/shmem/size/text()", value: "128"}`,
    [],
  ],
  [
    'set a disk driver cache, which KubeVirt keeps',
    `  - {op: set, path: "/domain/devices/disk[alias/@name='ua-a']/driver/@cache", value: none}`,
    [],
  ],
  ['remove a <blkiotune>', `  - {op: remove, path: /domain/blkiotune}`, []],
];

for (const [what, domain, codes] of rows) {
  test(`${what}: ${codes.length === 0 ? 'no warning' : codes.join(', ')}`, () => {
    assert.deepEqual(
      warnings(domain),
      codes.map((code) => ({ code, operation: 0 })),
    );
  });
}

test('each warning is at its operation, and a document with several warns for each', () => {
  const found = warnings(
    [
      `  - {op: set, path: "/domain/sysinfo/system/entry[@name='family']", value: x}`,
      `  - {op: remove, path: "/domain/devices/disk[alias/@name='ua-cdrom']"}`,
      `  - {op: add, path: /domain, value: "<qemu:commandline><qemu:arg value='vfio-pci'/></qemu:commandline>"}`,
    ].join('\n'),
  );
  assert.deepEqual(found, [
    { code: MANAGED, operation: 1 },
    { code: MEMORY, operation: 2 },
  ]);
});
