import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyCloudInit } from '../../../src/engine/apply-cloud-init.js';
import { formatGoJson } from '../../../src/engine/json/cloud-init-data.js';
import { jsonDocument, type RawOperation } from './patch-document-builder.js';

type Field = 'userData' | 'networkData';

function cloudInitData(field: Field, text: string): string {
  const data = {
    DataSource: 'noCloud',
    NoCloudMetaData: { 'instance-id': 'i-1' },
    ConfigDriveMetaData: null,
    UserData: '',
    NetworkData: '',
    DevicesData: null,
    VolumeName: 'cloudinitdisk',
  };
  return formatGoJson(
    field === 'userData' ? { ...data, UserData: text } : { ...data, NetworkData: text },
  );
}

/** The patched string, or the error code and the failing operation's list and index. */
function patch(
  field: Field,
  text: string,
  operations: readonly RawOperation[],
): string | [string, string | undefined, number | undefined] {
  const input = cloudInitData(field, text);
  const result = applyCloudInit(
    input,
    [jsonDocument('doc', { vars: { name: 'vmi.metadata.name' }, [field]: operations })],
    { vmi: { metadata: { name: 'vm<1>' } }, context: 'Boot' },
  );
  if (!result.ok)
    return [result.error.code, result.error.location.list, result.error.location.operation];
  const output: unknown = JSON.parse(result.value.cloudInitData);
  assert.ok(
    typeof output === 'object' &&
      output !== null &&
      'UserData' in output &&
      'NetworkData' in output,
  );
  const patched = field === 'userData' ? output.UserData : output.NetworkData;
  assert.equal(typeof patched, 'string');
  if (patched === text)
    assert.equal(result.value.cloudInitData, input, 'nothing changed: the input bytes come back');
  return String(patched);
}

const owner = `#cloud-config
# managed by the VM owner

password: fedora # weak
chpasswd: { expire: False }
ssh_authorized_keys:
  - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOwner owner@example.com # the owner
# what to install
packages:
  - vim
write_files:
  - path: /etc/motd
    permissions: 0644
    content: |
      hello
flag: yes
base: &base { a: 1 }
copy: *base`;

const platformKey = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPlatform platform-ops@example.com';

test('userData: header, comments, styles and YAML 1.1 scalars survive a patch', () => {
  const patched = patch('userData', owner, [
    { op: 'add', path: '/ssh_authorized_keys/-', value: platformKey },
    { op: 'add', path: '/packages/-', value: 'qemu-guest-agent' },
    { op: 'test', path: '/chpasswd/expire', value: false },
    { op: 'test', path: '/flag', value: true },
    { op: 'test', path: '/write_files/0/permissions', value: 0o644 },
    { op: 'test', path: '/copy', value: { a: 1 } },
  ]);
  const expected = owner
    .replace('# the owner\n', `# the owner\n  - ${platformKey}\n`)
    .replace('  - vim\n', '  - vim\n  - qemu-guest-agent\n');
  assert.equal(patched, expected);
});

const cases: [
  string,
  Field,
  string,
  RawOperation[],
  string | [string, string | undefined, number | undefined],
][] = [
  [
    'header without a newline',
    'userData',
    '#cloud-config',
    [{ op: 'add', path: '/packages', value: ['vim'] }],
    '#cloud-config\npackages:\n  - vim\n',
  ],
  [
    'empty user data is an empty #cloud-config',
    'userData',
    '',
    [{ op: 'add', path: '/packages', value: ['vim'] }],
    '#cloud-config\npackages:\n  - vim\n',
  ],
  [
    'blank user data is an empty #cloud-config',
    'userData',
    '\n \n',
    [{ op: 'add', path: '/a', value: 1 }],
    '#cloud-config\na: 1\n',
  ],
  [
    'long values are not folded',
    'userData',
    '#cloud-config\n',
    [{ op: 'add', path: '/k', value: `ssh-rsa ${'A'.repeat(300)} x@y` }],
    `#cloud-config\nk: ssh-rsa ${'A'.repeat(300)} x@y\n`,
  ],
  [
    'removing the first key keeps the header',
    'userData',
    '#cloud-config\npassword: x\nb: 1\n',
    [{ op: 'remove', path: '/password' }],
    '#cloud-config\nb: 1\n',
  ],
  [
    'vars verbatim, no escaping',
    'userData',
    '#cloud-config\n',
    [{ op: 'add', path: '/hostname', value: { name: '$(name) & $$(x)' } }],
    '#cloud-config\nhostname:\n  name: vm<1> & $(x)\n',
  ],
  [
    'copy does not create YAML anchors',
    'userData',
    '#cloud-config\na: [1]\n',
    [{ op: 'copy', from: '/a', path: '/b' }],
    '#cloud-config\na: [1]\nb:\n  - 1\n',
  ],
  [
    '__proto__ is plain data',
    'userData',
    '#cloud-config\n__proto__: {a: 1}\n',
    [{ op: 'add', path: '/__proto__/b', value: 2 }],
    '#cloud-config\n__proto__: {a: 1, b: 2}\n',
  ],
  [
    'a test that holds changes nothing',
    'userData',
    owner,
    [{ op: 'test', path: '/packages/0', value: 'vim' }],
    owner,
  ],
  [
    'a failing test',
    'userData',
    owner,
    [
      { op: 'add', path: '/x', value: 1 },
      { op: 'test', path: '/packages/0', value: 'emacs' },
    ],
    ['TEST_FAILED', 'userData', 1],
  ],
  [
    'shell script',
    'userData',
    "#!/bin/sh\necho 'hi'\n",
    [{ op: 'add', path: '/a', value: 1 }],
    ['NOT_CLOUD_CONFIG', 'userData', 0],
  ],
  [
    '#include',
    'userData',
    '#include\nhttps://example.com/config\n',
    [{ op: 'add', path: '/a', value: 1 }],
    ['NOT_CLOUD_CONFIG', 'userData', 0],
  ],
  [
    'MIME multipart',
    'userData',
    'Content-Type: multipart/mixed; boundary="b"\nMIME-Version: 1.0\n\n--b\n',
    [{ op: 'add', path: '/a', value: 1 }],
    ['NOT_CLOUD_CONFIG', 'userData', 0],
  ],
  [
    '#cloud-config-archive',
    'userData',
    '#cloud-config-archive\n- type: text/cloud-config\n',
    [{ op: 'add', path: '/a', value: 1 }],
    ['NOT_CLOUD_CONFIG', 'userData', 0],
  ],
  [
    'jinja template',
    'userData',
    '## template: jinja\n#cloud-config\nhostname: {{ v1.local_hostname }}\n',
    [{ op: 'add', path: '/a', value: 1 }],
    ['NOT_CLOUD_CONFIG', 'userData', 0],
  ],
  [
    'broken YAML',
    'userData',
    '#cloud-config\npackages: [vim\n',
    [{ op: 'add', path: '/a', value: 1 }],
    ['NOT_CLOUD_CONFIG', 'userData', 0],
  ],
  [
    'a list, not a mapping',
    'userData',
    '#cloud-config\n- a\n',
    [{ op: 'add', path: '/-', value: 1 }],
    ['NOT_CLOUD_CONFIG', 'userData', 0],
  ],
  [
    'not JSON data',
    'userData',
    '#cloud-config\nbig: .inf\n',
    [{ op: 'add', path: '/a', value: 1 }],
    ['NOT_CLOUD_CONFIG', 'userData', 0],
  ],
  [
    'shell script left alone by skipped operations',
    'userData',
    '#!/bin/sh\n',
    [{ op: 'add', path: '/a', value: 1, when: 'false' }],
    '#!/bin/sh\n',
  ],
  [
    'network config v2',
    'networkData',
    'version: 2\nethernets:\n  eth0:\n    dhcp4: true # v4\n',
    [{ op: 'add', path: '/ethernets/eth0/dhcp6', value: true }],
    'version: 2\nethernets:\n  eth0:\n    dhcp4: true # v4\n    dhcp6: true\n',
  ],
  [
    'network data JSON stays JSON',
    'networkData',
    '{"links":[{"id":"eth0"}],"networks":[]}',
    [{ op: 'add', path: '/links/0/mtu', value: 9000 }],
    '{"links":[{"id":"eth0","mtu":9000}],"networks":[]}',
  ],
  [
    'empty network data has no header',
    'networkData',
    '',
    [{ op: 'add', path: '/version', value: 2 }],
    'version: 2\n',
  ],
  [
    'network data that is not YAML',
    'networkData',
    'version: [2\n',
    [{ op: 'add', path: '/version', value: 2 }],
    ['NOT_CLOUD_CONFIG', 'networkData', 0],
  ],
];

for (const [what, field, text, operations, expected] of cases) {
  test(`${field}: ${what}`, () => {
    assert.deepEqual(patch(field, text, operations), expected);
  });
}

test('user data that is not cloud-config is untouched when only cloudInit is patched', () => {
  const input = cloudInitData('userData', '#!/bin/sh\necho <ok> & done\n');
  const result = applyCloudInit(
    input,
    [
      jsonDocument('meta', {
        cloudInit: [{ op: 'add', path: '/NoCloudMetaData/local-hostname', value: 'h' }],
      }),
    ],
    { vmi: {}, context: 'Boot' },
  );
  assert.ok(result.ok);
  assert.equal(
    result.value.cloudInitData,
    input.replace('{"instance-id":"i-1"}', '{"instance-id":"i-1","local-hostname":"h"}'),
  );
});

test('a hostile __proto__ in user data reaches no prototype', () => {
  assert.equal(
    patch('userData', '#cloud-config\n__proto__: {}\n', [
      { op: 'add', path: '/__proto__/polluted', value: true },
      { op: 'add', path: '/constructor', value: { prototype: { polluted: true } } },
    ]),
    '#cloud-config\n__proto__: { polluted: true }\nconstructor:\n  prototype:\n    polluted: true\n',
  );
  assert.equal(Object.hasOwn(Object.prototype, 'polluted'), false);
});
