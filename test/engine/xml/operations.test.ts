/** The four operations on small domains: effects, match counts, error codes, idempotency, layout. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyDomain } from '../../../src/engine/apply-domain.js';
import type { XmlOperation } from '../../../src/engine/model.js';
import {
  add,
  attributeEquals,
  name,
  patchDocument,
  remove,
  replace,
  set,
  step,
} from './build-document.js';

const call = { vmi: {}, context: 'Boot' as const };
const DOMAIN =
  '<domain type="kvm">\n\t<os>\n\t\t<type>hvm</type>\n\t</os>\n\t<devices>\n\t\t<disk type="file">\n\t\t\t<driver name="qemu"/>\n\t\t\t<alias name="ua-a"/>\n\t\t</disk>\n\t\t<memballoon model="none"/>\n\t</devices>\n</domain>\n';

const domain = (devices: string, os = '\t<os>\n\t\t<type>hvm</type>\n\t</os>\n') =>
  `<domain type="kvm">\n${os}\t<devices>\n${devices}\t</devices>\n</domain>\n`;
const DISK =
  '\t\t<disk type="file">\n\t\t\t<driver name="qemu"/>\n\t\t\t<alias name="ua-a"/>\n\t\t</disk>\n';
const BALLOON = '\t\t<memballoon model="none"/>\n';

const diskDriver = (attribute: string) =>
  set(
    0,
    `/domain/devices/disk[alias/@name='ua-a']/driver/@${attribute}`,
    {
      steps: [
        step('domain'),
        step('devices'),
        step('disk', attributeEquals('name', 'ua-a', 'alias')),
        step('driver'),
      ],
      target: { kind: 'attribute', name: name(attribute) },
    },
    'native',
  );

const rows: {
  name: string;
  ops: XmlOperation[];
  input?: string;
  output?: string;
  error?: string;
  matches?: number[];
}[] = [
  {
    name: "append with the siblings' indentation",
    ops: [add(0, '/domain/devices', '<rng model="virtio"/>')],
    output: domain(`${DISK}${BALLOON}\t\t<rng model="virtio"/>\n`),
    matches: [1],
  },
  {
    name: 'prepend',
    ops: [add(0, '/domain/devices', '<rng model="virtio"/>', { position: 'prepend' })],
    output: domain(`\t\t<rng model="virtio"/>\n${DISK}${BALLOON}`),
  },
  {
    name: 'before',
    ops: [add(0, '/domain/devices/memballoon', '<rng/>', { position: 'before' })],
    output: domain(`${DISK}\t\t<rng/>\n${BALLOON}`),
  },
  {
    name: 'after, two elements',
    ops: [add(0, '/domain/devices/disk', '<a/><b/>', { position: 'after' })],
    output: domain(`${DISK}\t\t<a/>\n\t\t<b/>\n${BALLOON}`),
  },
  {
    name: 'nested fragment re-indented',
    ops: [add(0, '/domain/devices', '<rng>\n  <backend>/dev/urandom</backend>\n</rng>\n')],
    output: domain(
      `${DISK}${BALLOON}\t\t<rng>\n\t\t\t<backend>/dev/urandom</backend>\n\t\t</rng>\n`,
    ),
  },
  {
    name: 'into an empty element',
    input: domain('', '\t<os></os>\n'),
    ops: [add(0, '/domain/os', '<type>hvm</type>')],
    output: domain('', '\t<os>\n\t\t<type>hvm</type>\n\t</os>\n'),
  },
  {
    name: 'add is skipped when present',
    input: domain(`${DISK}${BALLOON}`),
    ops: [add(0, '/domain/devices', '<memballoon  model="none"></memballoon>')],
    output: domain(`${DISK}${BALLOON}`),
  },
  {
    name: 'once: false inserts anyway',
    ops: [add(0, '/domain/devices', '<memballoon model="none"/>', { once: false })],
    output: domain(`${DISK}${BALLOON}${BALLOON}`),
  },
  {
    name: 'add to every match',
    ops: [add(0, '/domain/devices/*', '<x/>')],
    output: domain(
      `\t\t<disk type="file">\n\t\t\t<driver name="qemu"/>\n\t\t\t<alias name="ua-a"/>\n\t\t\t<x/>\n\t\t</disk>\n\t\t<memballoon model="none">\n\t\t\t<x/>\n\t\t</memballoon>\n`,
    ),
    matches: [2],
  },
  {
    name: 'text merges with the text it joins and is still found',
    input: '<domain><description>VM</description></domain>',
    ops: [add(0, '/domain/description', ' (patched)')],
    output: '<domain><description>VM (patched)</description></domain>',
  },
  {
    name: 'text and an element after existing text',
    input: '<domain><description>VM</description></domain>',
    ops: [add(0, '/domain/description', ' by <b>us</b>')],
    output: '<domain><description>VM by <b>us</b></description></domain>',
  },
  {
    name: 'prepend into an empty element',
    input: domain('', '\t<os/>\n'),
    ops: [add(0, '/domain/os', '<type>hvm</type>', { position: 'prepend' })],
    output: domain('', '\t<os>\n\t\t<type>hvm</type>\n\t</os>\n'),
  },
  {
    name: 'a comment and an element as one run',
    ops: [add(0, '/domain/devices', '<!-- rng for entropy --><rng/>')],
    output: domain(`${DISK}${BALLOON}\t\t<!-- rng for entropy -->\n\t\t<rng/>\n`),
  },
  {
    name: 'the root replaced by one element',
    input: '<domain type="kvm"><name>a</name></domain>',
    ops: [replace(0, '/domain', '<domain type="qemu"><name>b</name></domain>')],
    output: '<domain type="qemu"><name>b</name></domain>',
  },
  {
    name: 'set element text replaces its content',
    input: '<domain><description>old <b>bold</b></description></domain>',
    ops: [
      set(
        0,
        '/domain/description',
        { steps: [step('domain'), step('description')], target: { kind: 'element' } },
        'new & plain',
      ),
    ],
    output: '<domain><description>new &amp; plain</description></domain>',
  },
  {
    name: 'set text() beside child elements makes all its text that value',
    input: '<domain>\n\t<a/>\n</domain>',
    ops: [set(0, '/domain/text()', { steps: [step('domain')], target: { kind: 'text' } }, 'x')],
    output: '<domain>x<a/></domain>',
  },
  { name: 'add with no match', ops: [add(0, '/domain/nothing', '<x/>')], error: 'NO_MATCH' },
  {
    name: 'optional add with no match',
    ops: [add(0, '/domain/nothing', '<x/>', { optional: true })],
    output: DOMAIN,
    matches: [0],
  },
  {
    name: 'count mismatch',
    ops: [add(0, '/domain/devices/*', '<x/>', { count: 1 })],
    error: 'COUNT_MISMATCH',
  },
  { name: 'add to an attribute', ops: [add(0, '/domain/@type', '<x/>')], error: 'WRONG_NODE_TYPE' },
  {
    name: 'add before the root',
    ops: [add(0, '/domain', '<x/>', { position: 'before' })],
    error: 'WRONG_NODE_TYPE',
  },
  {
    name: 'remove an element with its line',
    ops: [remove(0, '/domain/devices/memballoon')],
    output: domain(DISK),
    matches: [1],
  },
  {
    name: 'remove an attribute',
    ops: [remove(0, '/domain/@type')],
    output: DOMAIN.replace(' type="kvm"', ''),
  },
  {
    name: 'remove nothing is fine',
    ops: [remove(0, '/domain/nothing')],
    output: DOMAIN,
    matches: [0],
  },
  {
    name: 'remove with count',
    ops: [remove(0, '/domain/nothing', { count: 1 })],
    error: 'COUNT_MISMATCH',
  },
  { name: 'remove the root', ops: [remove(0, '/domain')], error: 'ROOT_REMOVED' },
  {
    name: 'replace an element',
    ops: [replace(0, '/domain/devices/memballoon', '<memballoon model="virtio"/>')],
    output: domain(`${DISK}\t\t<memballoon model="virtio"/>\n`),
  },
  {
    name: 'replace an attribute',
    ops: [replace(0, '/domain/devices/memballoon/@model', 'a&b')],
    output: domain(`${DISK}\t\t<memballoon model="a&amp;b"/>\n`),
  },
  {
    name: 'replace a text node',
    ops: [replace(0, '/domain/os/type/text()', '<hvm>')],
    output: domain(`${DISK}${BALLOON}`, '\t<os>\n\t\t<type>&lt;hvm&gt;</type>\n\t</os>\n'),
  },
  {
    name: 'replace an element by a non-fragment',
    ops: [replace(0, '/domain/os', '<a>')],
    error: 'FRAGMENT_MALFORMED',
  },
  {
    name: 'replace the root by two elements',
    ops: [replace(0, '/domain', '<a/><b/>')],
    error: 'ROOT_REMOVED',
  },
  {
    name: 'replace a comment',
    input: '<domain><!--c--></domain>',
    ops: [replace(0, '/domain/comment()', 'x')],
    error: 'WRONG_NODE_TYPE',
  },
  {
    name: 'set an existing attribute',
    ops: [diskDriver('name')],
    output: DOMAIN.replace('name="qemu"', 'name="native"'),
  },
  {
    name: 'set a new attribute',
    ops: [diskDriver('io')],
    output: DOMAIN.replace('name="qemu"', 'name="qemu" io="native"'),
    matches: [1],
  },
  {
    name: 'set creates missing elements with their predicates',
    ops: [
      set(
        0,
        "/domain/sysinfo[@type='smbios']/system/entry[@name='serial']",
        {
          steps: [
            step('domain'),
            step('sysinfo', attributeEquals('type', 'smbios')),
            step('system'),
            step('entry', attributeEquals('name', 'serial')),
          ],
          target: { kind: 'element' },
        },
        'S1',
      ),
    ],
    output: DOMAIN.replace(
      '</domain>',
      '\t<sysinfo type="smbios">\n\t\t<system>\n\t\t\t<entry name="serial">S1</entry>\n\t\t</system>\n\t</sysinfo>\n</domain>',
    ),
  },
  {
    name: 'set text()',
    ops: [
      set(
        0,
        '/domain/os/type/text()',
        { steps: [step('domain'), step('os'), step('type')], target: { kind: 'text' } },
        'exe',
      ),
    ],
    output: DOMAIN.replace('>hvm<', '>exe<'),
  },
  {
    name: 'set with a root that does not match',
    ops: [
      set(
        0,
        '/vm/@x',
        { steps: [step('vm')], target: { kind: 'attribute', name: name('x') } },
        '1',
      ),
    ],
    error: 'NO_MATCH',
  },
  {
    name: 'optional set with a root that does not match',
    ops: [
      set(
        0,
        '/vm/@x',
        { steps: [step('vm')], target: { kind: 'attribute', name: name('x') } },
        '1',
        { optional: true },
      ),
    ],
    output: DOMAIN,
  },
  {
    name: 'set patches every match',
    input: domain(`${DISK}${DISK}`),
    ops: [
      set(
        0,
        '/domain/devices/disk/driver/@cache',
        {
          steps: [step('domain'), step('devices'), step('disk'), step('driver')],
          target: { kind: 'attribute', name: name('cache') },
        },
        'none',
      ),
    ],
    output: domain(`${DISK}${DISK}`.replaceAll('name="qemu"', 'name="qemu" cache="none"')),
    matches: [2],
  },
];

for (const row of rows) {
  test(`operation: ${row.name}`, () => {
    const input = row.input ?? DOMAIN;
    const result = applyDomain(input, [patchDocument('unit', row.ops)], call);
    if (row.error !== undefined) {
      assert.equal(result.ok ? 'ok' : result.error.code, row.error);
      if (!result.ok)
        assert.deepEqual(
          [
            result.error.location.document,
            result.error.location.operation,
            result.error.location.list,
          ],
          ['unit', 0, 'domain'],
        );
      return;
    }
    assert.ok(result.ok, result.ok ? '' : `${result.error.code}: ${result.error.message}`);
    assert.equal(result.value, row.output);
    if (row.matches !== undefined)
      assert.deepEqual(
        result.documents[0]?.operations.map((op) => op.matches),
        row.matches,
      );
    if (row.ops.some((op) => op.op === 'add' && !op.once)) return;
    const again = applyDomain(result.value, [patchDocument('unit', row.ops)], call);
    assert.ok(again.ok);
    assert.equal(again.value, result.value, 'applying twice gives the same XML');
  });
}
