/**
 * What KubeVirt does to a patch between OnDefineDomain calls, case by case: each row is refused
 * when loaded, refused when applied, or converges through three calls with KubeVirt's re-marshal
 * between them (warned about where KubeVirt drops part of what it inserts) — none grows. Every
 * reply of a converging row is a domain libvirt's parser accepts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  applyDomain,
  loadDocuments,
  type ErrorCode,
  type WarningCode,
} from '../../src/engine/index.js';
import { virshDefine } from '../libvirt-define.js';
import { divergence, threeCalls } from './three-calls.js';

type Expect =
  | { readonly load: ErrorCode }
  | { readonly apply: ErrorCode }
  | {
      readonly converges: true;
      readonly warns?: WarningCode;
      readonly keeps?: RegExp;
      readonly lacks?: RegExp;
    };

interface Row {
  readonly name: string;
  readonly patch: string;
  readonly annotations?: Record<string, string>;
  /** the domain of the first call, when not examples/kubevirt-domain.xml */
  readonly domain?: string;
  readonly expect: Expect;
}

const DOMAIN = readFileSync('examples/kubevirt-domain.xml', 'utf8');
const WITHOUT_SYSINFO = DOMAIN.replace(/\t<sysinfo[^]*?<\/sysinfo>\n/, '').replace(
  /\t\t<smbios[^>]*><\/smbios>\n/,
  '',
);

const QEMU_COMMANDLINE = `
  - {op: add, path: "/domain[not(qemu:commandline)]", optional: true, value: <qemu:commandline/>}`;

const rows: readonly Row[] = [
  {
    name: 'add: a fragment with a comment (KubeVirt drops comments)',
    patch: `domain:
  - op: add
    path: /domain/sysinfo/baseBoard
    value: <!-- asset tag from CMDB --><entry name="asset">A-1</entry>`,
    expect: { converges: true, keeps: /<entry name="asset">A-1<\/entry>/ },
  },
  {
    name: 'add: a fragment of comments only is inserted once',
    patch: `domain:
  - {op: add, path: /domain/devices, value: <!-- patched by hookpatch -->}`,
    expect: { converges: true, keeps: /<!-- patched by hookpatch -->/ },
  },
  {
    name: 'add: an <interface> without <source> (the struct writes <source></source>)',
    patch: `domain:
  - op: add
    path: /domain/devices
    value: <interface type="ethernet"><model type="virtio"/><alias name="ua-extra"/></interface>`,
    expect: { converges: true, keeps: /<alias name="ua-extra"/ },
  },
  {
    name: 'add: <sysinfo> with <system> only (the struct writes empty <bios>, <baseBoard>, <chassis>)',
    domain: WITHOUT_SYSINFO,
    patch: `domain:
  - {op: add, path: /domain/os, value: <smbios mode="sysinfo"/>}
  - op: add
    path: /domain
    value: <sysinfo type="smbios"><system><entry name="serial">S-1</entry></system></sysinfo>`,
    expect: { converges: true, keeps: /<entry name="serial">S-1<\/entry>/ },
  },
  {
    name: 'add: <sysinfo type="fwcfg"> entries, which the struct does not model',
    domain: WITHOUT_SYSINFO,
    patch: `domain:
  - {op: add, path: /domain, value: '<sysinfo type="fwcfg"><entry name="opt/com.example/x">y</entry></sysinfo>'}`,
    expect: { converges: true, warns: 'DROPPED_BY_KUBEVIRT' },
  },
  {
    name: 'add: <rng> with <rate>, which the struct does not model',
    patch: `domain:
  - op: add
    path: /domain/devices
    value: <rng model="virtio"><rate bytes="1234" period="2000"/><backend model="random">/dev/urandom</backend></rng>`,
    expect: { converges: true, warns: 'DROPPED_BY_KUBEVIRT' },
  },
  {
    name: 'set: <rng><rate> on a keyed path, as the warning advises',
    patch: `domain:
  - {op: set, path: "/domain/devices/rng[@model='virtio-non-transitional']/rate/@bytes", value: "1234"}
  - {op: set, path: "/domain/devices/rng[@model='virtio-non-transitional']/rate/@period", value: "2000"}`,
    expect: { converges: true, keeps: /<rate bytes="1234" period="2000"/ },
  },
  {
    name: 'add: a <disk> whose driver has detect_zeroes, which the struct drops',
    patch: `domain:
  - op: add
    path: /domain/devices
    value: <disk type="file" device="disk"><driver name="qemu" type="raw" detect_zeroes="unmap"/><source file="/var/run/x.img"/><target dev="vdz" bus="virtio"/><alias name="ua-x"/></disk>`,
    expect: { converges: true, warns: 'DROPPED_BY_KUBEVIRT' },
  },
  {
    name: 'set: driver/@detect_zeroes is written again on every call',
    patch: `domain:
  - {op: set, path: "/domain/devices/disk[alias/@name='ua-myvolume']/driver/@detect_zeroes", value: unmap}`,
    expect: { converges: true, keeps: /detect_zeroes="unmap"/ },
  },
  {
    name: 'add: <shmem>, which the struct does not model at all, is inserted again on every call',
    patch: `domain:
  - op: add
    path: /domain/devices
    value: <shmem name="ivshmem"><model type="ivshmem-plain"/><size unit="M">4</size></shmem>`,
    expect: { converges: true, keeps: /<shmem name="ivshmem">/ },
  },
  {
    name: 'add: <oemStrings>, dropped and inserted again',
    patch: `domain:
  - {op: add, path: "/domain/sysinfo[@type='smbios']", value: <oemStrings><entry>tier=gold</entry></oemStrings>}`,
    expect: { converges: true, keeps: /<entry>tier=gold<\/entry>/ },
  },
  {
    name: 'add: devices of two kinds in one fragment (the struct reorders them)',
    patch: `domain:
  - op: add
    path: /domain/devices
    value: <watchdog model="i6300esb" action="reset"/><controller type="scsi" index="0" model="virtio-scsi"/>`,
    expect: { converges: true, keeps: /<watchdog model="i6300esb" action="reset"/ },
  },
  {
    name: 'add: a -fw_cfg pair into qemu:commandline (dropped by KubeVirt, inserted again)',
    patch: `domain:${QEMU_COMMANDLINE}
  - {op: add, path: /domain/qemu:commandline, value: '<qemu:arg value="-fw_cfg"/><qemu:arg value="opt/ovmf/X-PciMmio64Mb,string=65536"/>'}`,
    expect: { converges: true, keeps: /X-PciMmio64Mb/ },
  },
  {
    name: 'add: not optional, to a path its own insertion stops matching',
    patch: `domain:
  - {op: add, path: "/domain[not(qemu:commandline)]", value: <qemu:commandline/>}`,
    expect: { apply: 'NOT_IDEMPOTENT' },
  },
  {
    name: 'set: a value that changes the attribute its predicate selects by',
    patch: `domain:${QEMU_COMMANDLINE}
  - {op: set, path: "/domain/qemu:commandline/qemu:arg[@value='-no-hpet']/@value", value: -no-reboot}`,
    expect: { load: 'NOT_IDEMPOTENT' },
  },
  {
    name: 'set: renaming the uuid entry',
    patch: `domain:
  - {op: set, path: "/domain/sysinfo/system/entry[@name='uuid']/@name", value: serial}`,
    expect: { load: 'NOT_IDEMPOTENT' },
  },
  {
    name: 'set: two contradictory predicates on one attribute',
    patch: `domain:
  - {op: set, path: "/domain/sysinfo/system/entry[@name='a'][@name='b']", value: x}`,
    expect: { load: 'NOT_IDEMPOTENT' },
  },
  {
    name: 'set: a $(var) value that changes its own predicate, known only at call time',
    patch: `vars:
  v: "vmi.metadata.annotations['arg']"
domain:${QEMU_COMMANDLINE}
  - {op: set, path: "/domain/qemu:commandline/qemu:arg[@value='-no-hpet']/@value", value: $(v)}`,
    annotations: { arg: '-no-reboot' },
    expect: { apply: 'NOT_IDEMPOTENT' },
  },
  {
    name: 'replace: a fragment that its own path selects again (it would multiply)',
    patch: `domain:
  - {op: replace, path: "/domain/devices/disk[@device='cdrom']", value: '<disk device="cdrom" type="file"/><disk device="cdrom" type="file"/>'}`,
    expect: { apply: 'NOT_IDEMPOTENT' },
  },
  {
    name: 'replace: an attribute value that changes its own predicate, not optional',
    patch: `domain:
  - {op: replace, path: "/domain/devices/disk[@device='cdrom']/@device", value: disk}`,
    expect: { load: 'NOT_IDEMPOTENT' },
  },
  {
    name: 'replace: the same, optional (converted once, then nothing to convert)',
    patch: `domain:
  - {op: replace, path: "/domain/devices/disk/driver[@cache='none']/@cache", value: writethrough, optional: true}`,
    expect: { converges: true, lacks: /cache="none"/ },
  },
  {
    name: 'a $(var) holding U+0001 (from a VMI annotation)',
    patch: `vars:
  maker: "vmi.metadata.annotations['maker']"
domain:
  - {op: add, path: /domain/sysinfo/baseBoard, value: '<entry name="manufacturer">$(maker)</entry>'}`,
    annotations: { maker: 'ACME\u0001' },
    expect: { apply: 'INVALID_CHARACTER' },
  },
  {
    name: 'a $(var) holding U+FFFE, written by set',
    patch: `vars:
  maker: "vmi.metadata.annotations['maker']"
domain:
  - {op: set, path: "/domain/sysinfo/baseBoard/entry[@name='manufacturer']", value: $(maker)}`,
    annotations: { maker: 'ACME\uFFFE' },
    expect: { apply: 'INVALID_CHARACTER' },
  },
  {
    name: 'a $(var) holding half a surrogate pair',
    patch: `vars:
  maker: "vmi.metadata.annotations['maker']"
domain:
  - {op: set, path: "/domain/sysinfo/baseBoard/entry[@name='manufacturer']/@x", value: $(maker)}`,
    annotations: { maker: 'ACME\uD800' },
    expect: { apply: 'INVALID_CHARACTER' },
  },
  {
    name: 'a literal value holding U+0001',
    patch: `domain:
  - {op: set, path: /domain/name, value: "a\\u0001"}`,
    expect: { load: 'INVALID_CHARACTER' },
  },
  {
    name: 'set of the xmlns attribute',
    patch: `domain:
  - {op: set, path: /domain/@xmlns, value: "http://example.com/"}`,
    expect: { load: 'NAMESPACE_DECLARATION' },
  },
  {
    name: 'a fragment declaring xmlns:p=""',
    patch: `domain:
  - {op: add, path: /domain/devices, value: '<watchdog xmlns:p="" model="i6300esb"/>'}`,
    expect: { load: 'FRAGMENT_MALFORMED' },
  },
  {
    name: 'replace /domain by <network/>',
    patch: `domain:
  - {op: replace, path: /domain, value: <network/>}`,
    expect: { apply: 'ROOT_REMOVED' },
  },
];

for (const row of rows) {
  test(row.name, () => {
    const loaded = loadDocuments(row.patch, { source: 'case.yaml', origin: 'file' });
    if ('load' in row.expect) {
      assert.deepEqual(
        loaded.errors.map((error) => error.code),
        [row.expect.load],
      );
      return;
    }
    assert.deepEqual(loaded.errors, []);
    const call = {
      vmi: { metadata: { annotations: row.annotations ?? {} } },
      context: 'Boot' as const,
    };
    const chain = threeCalls(row.domain ?? DOMAIN, (xml) =>
      applyDomain(xml, loaded.documents, call),
    );
    if ('apply' in row.expect) {
      assert.deepEqual(chain.ok ? 'converged' : [chain.call, chain.error.code], [
        1,
        row.expect.apply,
      ]);
      return;
    }
    assert.equal(divergence(chain), undefined);
    assert.ok(chain.ok);
    const warnings = loaded.documents.flatMap((document) => document.warnings.map((w) => w.code));
    assert.deepEqual(warnings, row.expect.warns === undefined ? [] : [row.expect.warns]);
    const last = chain.replies[2];
    if (row.expect.keeps !== undefined) assert.match(last, row.expect.keeps);
    if (row.expect.lacks !== undefined) assert.doesNotMatch(last, row.expect.lacks);
    for (const [index, reply] of chain.replies.entries()) {
      const defined = virshDefine(reply);
      assert.ok(defined.ok, `reply ${index + 1}: ${defined.output}`);
    }
  });
}
