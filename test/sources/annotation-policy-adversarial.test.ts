/** The annotation policy against documents that try to reach outside the allowed nodes: XPath tricks, fragments that spill, sets, RFC 5261 documents, JSON from/move/copy. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { patchCloudInit } from '../../src/hook/cloud-init-call.js';
import { patchDomain } from '../../src/hook/domain-call.js';
import { jsonLog } from '../../src/hook/log.js';
import { judgeJson } from '../../src/engine/policy/judge-json.js';
import { runSteps } from '../../src/engine/steps.js';
import { loadAnnotationPolicy } from '../../src/engine/index.js';
import { fixedSources } from '../hook/sources-double.js';

const fixture = (name: string): Buffer =>
  readFileSync(new URL(`../fixtures/calls/${name}`, import.meta.url));
const DOMAIN = fixture('domain_x86_64.tabs.xml');
const VMI = fixture('vmi.json');
const log = jsonLog(() => undefined);
const policy = loadAnnotationPolicy(
  'allow:\n  domain: [/domain/sysinfo, /domain/os/smbios]\n  cloudInit: [/NoCloudMetaData]\n  userData: [/ssh_authorized_keys]\n',
  'policy.yaml',
);
const QEMU = 'xmlns:qemu="http://libvirt.org/schemas/domain/qemu/1.0"';

/** One YAML operation; `value` is written as a single-quoted scalar. */
const op = (name: string, path: string, value?: string, extra = ''): string =>
  `domain:\n  - op: ${name}\n    path: "${path}"\n${value === undefined ? '' : `    value: '${value}'\n`}${extra}`;

/** `denied`: the rule the refusal must name; undefined: allowed. */
const domainRows: ReadonlyArray<{ name: string; annotation: string; denied?: string }> = [
  {
    name: 'parent step out of an allowed node',
    annotation: op('remove', '//sysinfo/../devices'),
    denied: 'allow.domain',
  },
  {
    name: 'ancestor axis out of an allowed node',
    annotation: op('remove', '/domain/sysinfo/ancestor::domain/devices/disk'),
    denied: 'allow.domain',
  },
  {
    name: 'name() test for an element outside',
    annotation: op('remove', "//*[name()='devices']"),
    denied: 'allow.domain',
  },
  {
    name: 'a union of an allowed and an outside node',
    annotation: op('remove', '/domain/sysinfo/baseBoard | /domain/devices/disk[1]'),
    denied: 'allow.domain',
  },
  {
    name: 'an attribute of the root',
    annotation: op('replace', '/domain/@type', 'qemu'),
    denied: 'allow.domain',
  },
  {
    name: 'an ancestor of an allowed node removed',
    annotation: op('remove', '/domain/os'),
    denied: 'allow.domain',
  },
  {
    name: 'an add to /domain whatever its value',
    annotation: op('add', '/domain', '<sysinfo type="smbios"/>'),
    denied: 'allow.domain',
  },
  {
    name: 'an add after an allowed node',
    annotation: op(
      'add',
      '/domain/sysinfo',
      `<qemu:commandline ${QEMU}><qemu:arg value="-S"/></qemu:commandline>`,
      '    position: after\n',
    ),
    denied: 'allow.domain',
  },
  {
    name: 'a comment before an allowed node',
    annotation: op('add', '/domain/sysinfo', '<!-- x -->', '    position: before\n'),
    denied: 'allow.domain',
  },
  {
    name: 'a replace of an allowed node by more than itself',
    // optional, and the new sysinfo not selected again: an idempotent replace the policy must judge
    annotation: op(
      'replace',
      "/domain/sysinfo[@type='smbios']",
      '<sysinfo type="fwcfg"/><memballoon model="none"/>',
      '    optional: true\n',
    ),
    denied: 'allow.domain',
  },
  {
    name: 'a replace of an allowed node by another element',
    annotation: op('replace', '/domain/os/smbios', '<loader>/x</loader>', '    optional: true\n'),
    denied: 'allow.domain',
  },
  {
    name: 'a set whose predicate creates an ancestor of an allowed node',
    annotation: op('set', "/domain/os[@firmware='efi']/smbios/@mode", 'host'),
    denied: 'allow.domain',
  },
  {
    name: 'a set that creates a sibling of an allowed node',
    annotation: op('set', '/domain/sysinfo2/@type', 'smbios'),
    denied: 'allow.domain',
  },
  {
    name: 'a set inside an allowed node',
    annotation: op('set', "/domain/sysinfo/system/entry[@name='serial']", 'S1'),
  },
  {
    name: 'a remove of the allowed node itself changes its parent',
    annotation: op('remove', '/domain/sysinfo'),
    denied: 'allow.domain',
  },
  {
    name: 'a replace inside an allowed node',
    annotation: op('replace', '/domain/os/smbios/@mode', 'host'),
  },
  {
    name: 'a later path climbing out of a marker an earlier operation planted (no net change)',
    annotation: `${op('add', '/domain/sysinfo', '<m/>')}  - op: replace\n    path: //m/ancestor::domain/name/text()\n    value: mynamespace_testvmi\n  - op: remove\n    path: //m\n`,
    denied: 'allow.domain',
  },
  {
    name: 'RFC 5261: add inside an allowed node',
    annotation:
      '<diff><add sel="/domain/sysinfo/baseBoard"><entry name="manufacturer">Acme</entry></add></diff>',
  },
  {
    name: 'RFC 5261: add after an allowed node',
    annotation: `<diff><add sel="/domain/sysinfo" pos="after"><qemu:commandline ${QEMU}/></add></diff>`,
    denied: 'allow.domain',
  },
  {
    name: 'RFC 5261: a namespace declaration on the root',
    annotation: '<diff><add sel="/domain" type="namespace::evil">urn:evil</add></diff>',
    denied: 'allow.domain',
  },
  {
    name: 'RFC 5261: a namespace URI of the root replaced',
    annotation: '<diff><replace sel="/domain/namespace::qemu">urn:evil</replace></diff>',
    denied: 'allow.domain',
  },
  {
    name: 'RFC 5261: parent step in sel',
    annotation: '<diff><remove sel="//sysinfo/../devices"/></diff>',
    denied: 'allow.domain',
  },
];

for (const row of domainRows) {
  test(`policy, domain: ${row.name}`, async () => {
    const deps = { sources: fixedSources('[]', row.annotation), log, policy };
    const result = await patchDomain(
      deps,
      { hook: 'OnDefineDomain', version: 'v1alpha3', context: 'Boot', annotations: true },
      'domainXML',
      DOMAIN,
      VMI,
    );
    if (row.denied === undefined) {
      assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.errors));
      return;
    }
    assert.ok(!result.ok, 'the document was allowed');
    const [error] = result.errors;
    assert.deepEqual(
      [error?.code, error?.location.document],
      ['POLICY_DENIED', 'annotation:hookpatch.io/patch#0'],
    );
    assert.ok(error?.message.includes(row.denied), error?.message);
  });
}

const json = (list: string, body: string): string => `${list}:\n  - ${body}\n`;

const cloudRows: ReadonlyArray<{ name: string; annotation: string; denied?: string }> = [
  {
    name: 'move from outside the prefix',
    annotation: json('cloudInit', '{op: move, from: /UserData, path: /NoCloudMetaData/x}'),
    denied: 'allow.cloudInit',
  },
  {
    name: 'copy from outside the prefix',
    annotation: json('cloudInit', '{op: copy, from: /UserData, path: /NoCloudMetaData/x}'),
    denied: 'allow.cloudInit',
  },
  {
    name: 'test of a value outside the prefix',
    annotation: json('cloudInit', '{op: test, path: /DataSource, value: noCloud}'),
    denied: 'allow.cloudInit',
  },
  {
    name: 'copy within the prefix',
    annotation: json(
      'cloudInit',
      '{op: copy, from: /NoCloudMetaData/instance-id, path: /NoCloudMetaData/x}',
    ),
  },
  {
    name: 'user data: copy from another key',
    annotation: json('userData', '{op: copy, from: /password, path: /ssh_authorized_keys}'),
    denied: 'allow.userData',
  },
  {
    name: 'user data: the #cloud-config line turned into a script',
    annotation: json(
      'cloudInit',
      '{op: replace, path: /UserData, value: "#!/bin/sh\\npassword: fedora\\nchpasswd: { expire: False }"}',
    ),
    denied: 'allow.cloudInit',
  },
  {
    name: 'an operation whose when is false',
    annotation: json('cloudInit', '{op: remove, path: /UserData, when: "false"}'),
  },
];

for (const row of cloudRows) {
  test(`policy, cloud-init: ${row.name}`, async () => {
    const deps = { sources: fixedSources('[]', row.annotation), log, policy };
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
    if (row.denied === undefined) {
      assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.errors));
      return;
    }
    assert.ok(!result.ok, 'the document was allowed');
    const [error] = result.errors;
    assert.equal(error?.code, 'POLICY_DENIED');
    assert.ok(error?.message.includes(row.denied), error?.message);
  });
}

test('policy, cloud-init: a changed #cloud-config line is a change of the whole user data, though YAML reads the same data', () => {
  assert.ok(policy.ok);
  const judge = judgeJson(policy.policy);
  const data = (userData: string) => ({ UserData: userData });
  assert.match(
    runSteps(
      judge.embedded(data('#cloud-config\npassword: x\n'), data('#!/bin/sh\npassword: x\n')),
    ) ?? '',
    /^it changes \/ of UserData/,
  );
  assert.equal(
    runSteps(
      judge.embedded(
        data('#cloud-config\npassword: x\n'),
        data('#cloud-config\npassword: x\nssh_authorized_keys: [k]\n'),
      ),
    ),
    undefined,
  );
});
