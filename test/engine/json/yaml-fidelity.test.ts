/**
 * Unpatched YAML keeps its lines: user data and network data written back after a patch hold
 * every line of the input that the patch did not touch, in order, in the input's own layout
 * (indentation width, sequences under a key indented or not, flow padding, final newline).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  readEmbedded,
  writeEmbedded,
  type EmbeddedField,
} from '../../../src/engine/json/embedded-data.js';
import { isRecord } from '../../../src/engine/is-record.js';
import { DEFAULT_LIMITS } from '../../../src/engine/limits.js';

const FIXTURES = new URL('../../fixtures/cloud-init/', import.meta.url);

/** Every YAML user data and network data of KubeVirt's recorded calls, and layouts written to differ. */
const texts: { name: string; field: EmbeddedField; text: string }[] = [
  ...readdirSync(FIXTURES)
    .filter((file) => file.endsWith('.cloudInitData.json'))
    .flatMap((file) => {
      const data: unknown = JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8'));
      if (!isRecord(data)) return [];
      return (['UserData', 'NetworkData'] as const).flatMap((member) => {
        const text = data[member];
        if (typeof text !== 'string' || text === '' || /^\s*[{[]/.test(text)) return [];
        const field: EmbeddedField = member === 'UserData' ? 'userData' : 'networkData';
        return field === 'userData' && !text.startsWith('#cloud-config')
          ? []
          : [{ name: `${file} ${member}`, field, text }];
      });
    }),
  {
    name: 'network data, sequences not indented under their key, four-space maps',
    field: 'networkData',
    text: 'version: 2\nethernets:\n    eth0:\n        dhcp4: true\n        nameservers:\n            addresses:\n            - 10.0.0.53\n',
  },
  {
    name: 'user data without a final newline, flow lists without padding, comments',
    field: 'userData',
    text: '#cloud-config\n# keys from the vault\nssh_authorized_keys: [ssh-ed25519 AAAA a@b]\nruncmd:\n  - echo hi  # greet\n  - [sh, -c, "true"]',
  },
];

test('the fixtures give texts to check', () => {
  assert.ok(texts.length >= 8, `${texts.length} texts`);
});

for (const { name, field, text } of texts) {
  test(`${name}: a new key leaves every other line as it was`, () => {
    const read = readEmbedded(field, text, DEFAULT_LIMITS);
    assert.ok(read.ok && read.value.format.kind === 'yaml' && isRecord(read.value.value));
    const written = writeEmbedded(read.value, { ...read.value.value, 'x-hookpatch': 1 });
    const lines = written.split('\n');
    assert.ok(lines.includes('x-hookpatch: 1'), written);
    assert.deepEqual(
      lines.filter((line) => line !== 'x-hookpatch: 1'),
      text.split('\n'),
    );
  });
}

/** Edits of one text: only the lines of what changed are written again. */
const edits: {
  name: string;
  field: EmbeddedField;
  text: string;
  after: (value: Record<string, unknown>) => unknown;
  expected: string;
}[] = [
  {
    name: 'a key added to a nested map, four-space maps and sequences not indented',
    field: 'networkData',
    text: 'version: 2\nethernets:\n    eth0:\n        dhcp4: true\n        nameservers:\n            addresses:\n            - 10.0.0.53\n',
    after: (v) => ({
      ...v,
      ethernets: { eth0: { dhcp4: true, nameservers: { addresses: ['10.0.0.53'] }, mtu: 1400 } },
    }),
    expected:
      'version: 2\nethernets:\n    eth0:\n        dhcp4: true\n        nameservers:\n            addresses:\n            - 10.0.0.53\n        mtu: 1400\n',
  },
  {
    name: 'a scalar replaced: the other lines keep their comments and spacing',
    field: 'userData',
    text: '#cloud-config\nhostname: a  # set by the owner\nfqdn: a.example.com\n',
    after: (v) => ({ ...v, fqdn: 'b.example.com' }),
    expected: '#cloud-config\nhostname: a  # set by the owner\nfqdn: b.example.com\n',
  },
  {
    name: 'a key removed takes only its lines',
    field: 'userData',
    text: '#cloud-config\na: 1\nb:\n  - x   # gone\nc: 3',
    after: (v) => ({ a: v.a, c: v.c }),
    expected: '#cloud-config\na: 1\nc: 3',
  },
  {
    name: 'an item inserted into a sequence not indented under its key',
    field: 'userData',
    text: '#cloud-config\npackages:\n- vim   # editor\n- git\n',
    after: (v) => ({ ...v, packages: ['vim', 'curl', 'git'] }),
    expected: '#cloud-config\npackages:\n- vim   # editor\n- curl\n- git\n',
  },
  {
    name: 'an item removed from a sequence of maps',
    field: 'networkData',
    text: 'routes:\n  - to: 0.0.0.0/0\n    via: 10.0.0.1\n  - to: ::/0\n    via: fd00::1\n',
    after: () => ({ routes: [{ to: '::/0', via: 'fd00::1' }] }),
    expected: 'routes:\n  - to: ::/0\n    via: fd00::1\n',
  },
  {
    name: 'a key changed inside a compact sequence item',
    field: 'networkData',
    text: 'routes:\n- to: ::/0    # default\n  via: fd00::1\n',
    after: () => ({ routes: [{ to: '::/0', via: 'fd00::2' }] }),
    expected: 'routes:\n- to: ::/0    # default\n  via: fd00::2\n',
  },
  {
    name: 'a flow map changed is written again on its line only',
    field: 'userData',
    text: '#cloud-config\nchpasswd: { expire: False }  # keep\nssh_pwauth: true\n',
    after: (v) => ({ ...v, chpasswd: { expire: true } }),
    expected: '#cloud-config\nchpasswd: { expire: true } # keep\nssh_pwauth: true\n',
  },
];

for (const row of edits) {
  test(`${row.name}`, () => {
    const read = readEmbedded(row.field, row.text, DEFAULT_LIMITS);
    assert.ok(read.ok && isRecord(read.value.value));
    assert.equal(writeEmbedded(read.value, row.after(read.value.value)), row.expected);
  });
}
