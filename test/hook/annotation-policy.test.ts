/** The annotation policy: annotation documents may select and change only allowed nodes and pointers, within limits. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { patchCloudInit } from '../../src/hook/cloud-init-call.js';
import { patchDomain } from '../../src/hook/domain-call.js';
import { jsonLog } from '../../src/hook/log.js';
import { loadAnnotationPolicy } from '../../src/engine/index.js';
import { fixedSources } from './sources-double.js';

const fixture = (name: string): Buffer =>
  readFileSync(new URL(`../fixtures/calls/${name}`, import.meta.url));
const DOMAIN = fixture('domain_x86_64.tabs.xml');
const VMI = fixture('vmi.json');
const log = jsonLog(() => undefined);

const POLICY = `
allow:
  domain: [/domain/sysinfo, /domain/os/smbios]
  cloudInit: [/NoCloudMetaData]
  userData: [/ssh_authorized_keys]
limits: {documents: 2, operations: 3, bytes: 2000}
`;
const loaded = loadAnnotationPolicy(POLICY, 'policy.yaml');

const op = (path: string, value: string, extra = ''): string =>
  `  - op: add\n    path: ${path}\n    value: '${value}'\n${extra}`;
const doc = (...ops: string[]): string => `domain:\n${ops.join('')}`;
const QEMU_ARGS = '<qemu:commandline><qemu:arg value="-S"/></qemu:commandline>';

const domainRows: ReadonlyArray<{
  name: string;
  files?: string;
  annotation: string;
  allowed: boolean;
}> = [
  {
    name: 'an entry inside /domain/sysinfo',
    annotation: doc(op('/domain/sysinfo/baseBoard', '<entry name="manufacturer">Acme</entry>')),
    allowed: true,
  },
  {
    name: 'an attribute of /domain/os/smbios',
    annotation: 'domain:\n  - op: replace\n    path: /domain/os/smbios/@mode\n    value: host\n',
    allowed: true,
  },
  {
    name: 'qemu:commandline under /domain',
    annotation: doc(op('/domain', QEMU_ARGS)),
    allowed: false,
  },
  {
    name: 'a new sysinfo added to /domain',
    annotation: doc(op('/domain', '<sysinfo type="fwcfg"/>')),
    allowed: false,
  },
  {
    name: 'a sibling before /domain/sysinfo',
    annotation: doc(op('/domain/sysinfo', '<shmem name="x"/>', '    position: before\n')),
    allowed: false,
  },
  {
    name: 'a remove of every disk',
    annotation: 'domain:\n  - op: remove\n    path: /domain/devices/disk\n',
    allowed: false,
  },
  {
    name: 'an operation whose when is false',
    annotation: doc(op('/domain', QEMU_ARGS, '    when: "false"\n')),
    allowed: true,
  },
  {
    name: 'file documents are not limited',
    files: doc(op('/domain', QEMU_ARGS)),
    annotation: doc(op('/domain/sysinfo/baseBoard', '<entry name="family">f</entry>')),
    allowed: true,
  },
  {
    name: 'more operations than limits.operations',
    annotation: doc(
      ...Array.from({ length: 4 }, () =>
        op('/domain/sysinfo/baseBoard', '<entry name="sku">s</entry>'),
      ),
    ),
    allowed: false,
  },
];

for (const row of domainRows) {
  test(`domain under the policy: ${row.name}`, async () => {
    const deps = { sources: fixedSources(row.files ?? '[]', row.annotation), log, policy: loaded };
    const result = await patchDomain(
      deps,
      { hook: 'OnDefineDomain', version: 'v1alpha3', context: 'Boot', annotations: true },
      'domainXML',
      DOMAIN,
      VMI,
    );
    if (row.allowed) {
      assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.errors));
    } else {
      assert.ok(!result.ok);
      assert.deepEqual(
        result.errors.map((e) => [e.code, e.location.source, e.location.document]),
        [['POLICY_DENIED', 'annotation:hookpatch.io/patch', 'annotation:hookpatch.io/patch#0']],
      );
    }
  });
}

const cloudRows: ReadonlyArray<{ name: string; annotation: string; allowed: boolean }> = [
  {
    name: 'a metadata field',
    annotation:
      'cloudInit:\n  - op: replace\n    path: /NoCloudMetaData/local-hostname\n    value: h\n',
    allowed: true,
  },
  {
    name: 'an allowed user-data key',
    annotation: 'userData:\n  - op: add\n    path: /ssh_authorized_keys\n    value: [k]\n',
    allowed: true,
  },
  {
    name: 'another user-data key',
    annotation: 'userData:\n  - op: add\n    path: /runcmd\n    value: [reboot]\n',
    allowed: false,
  },
  {
    name: 'the whole UserData string',
    annotation:
      'cloudInit:\n  - op: replace\n    path: /UserData\n    value: "#cloud-config\\nruncmd: [reboot]\\n"\n',
    allowed: false,
  },
];

for (const row of cloudRows) {
  test(`cloud-init under the policy: ${row.name}`, async () => {
    const deps = { sources: fixedSources('[]', row.annotation), log, policy: loaded };
    const request = {
      cloudInitData: fixture('cloudinitdata.json'),
      cloudInitNoCloudSource: fixture('nocloud.json'),
      vmi: VMI,
    };
    const result = await patchCloudInit(
      deps,
      { hook: 'PreCloudInitIso', version: 'v1alpha3', context: 'Boot', annotations: true },
      request,
    );
    assert.equal(result.ok, row.allowed);
    if (!result.ok) assert.ok(result.errors[0]?.code === 'POLICY_DENIED');
  });
}

test('a policy that does not load refuses every annotation document, and only those', async () => {
  const broken = loadAnnotationPolicy('allow: {domain: [/domain/[[]}', 'policy.yaml');
  assert.ok(!broken.ok);
  const call = {
    hook: 'OnDefineDomain',
    version: 'v1alpha3',
    context: 'Boot',
    annotations: true,
  } as const;
  const withAnnotation = await patchDomain(
    {
      sources: fixedSources('[]', doc(op('/domain/sysinfo/baseBoard', '<entry/>'))),
      log,
      policy: broken,
    },
    call,
    'domainXML',
    DOMAIN,
    VMI,
  );
  assert.ok(!withAnnotation.ok && withAnnotation.errors[0]?.code === 'POLICY_DENIED');
  const filesOnly = await patchDomain(
    {
      sources: fixedSources(doc(op('/domain/sysinfo/baseBoard', '<entry/>'))),
      log,
      policy: broken,
    },
    call,
    'domainXML',
    DOMAIN,
    VMI,
  );
  assert.ok(filesOnly.ok);
});

const policyFiles: ReadonlyArray<[string, boolean]> = [
  [POLICY, true],
  ['{}', true],
  ['allow: {domain: /domain}', false],
  ['allow: {cloudInit: [NoCloudMetaData]}', false],
  ['limits: {documents: -1}', false],
  ['allowed: {}', false],
];

for (const [text, valid] of policyFiles) {
  test(`policy file ${JSON.stringify(text.trim().slice(0, 40))} loads: ${valid}`, () =>
    assert.equal(loadAnnotationPolicy(text, 'p.yaml').ok, valid));
}
