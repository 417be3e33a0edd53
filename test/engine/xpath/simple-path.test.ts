/** compileSimplePath: the exact structure of accepted paths, and the code of rejected ones. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { QEMU_NAMESPACE } from '../../../src/engine/model.js';
import {
  compileSimplePath,
  type NameTest,
  type SimplePath,
} from '../../../src/engine/xml/simple-path.js';

const namespaces = { qemu: QEMU_NAMESPACE, app: 'urn:app' };
const name = (
  localName: string,
  prefix?: string,
  namespaceURI: string | null = null,
): NameTest => ({ prefix, namespaceURI, localName });
const element = { kind: 'element' } as const;

const accepted: readonly (readonly [string, Omit<SimplePath, 'source'>])[] = [
  ['/domain', { steps: [{ name: name('domain'), predicates: [] }], target: element }],
  [
    '/domain/name/text()',
    {
      steps: [
        { name: name('domain'), predicates: [] },
        { name: name('name'), predicates: [] },
      ],
      target: { kind: 'text' },
    },
  ],
  [
    '/domain/@type',
    {
      steps: [{ name: name('domain'), predicates: [] }],
      target: { kind: 'attribute', name: name('type') },
    },
  ],
  [
    '/domain/sysinfo[@type=\'smbios\']/baseBoard/entry[@name="manufacturer"]/text()',
    {
      steps: [
        { name: name('domain'), predicates: [] },
        {
          name: name('sysinfo'),
          predicates: [{ elements: [], attribute: name('type'), value: 'smbios' }],
        },
        { name: name('baseBoard'), predicates: [] },
        {
          name: name('entry'),
          predicates: [{ elements: [], attribute: name('name'), value: 'manufacturer' }],
        },
      ],
      target: { kind: 'text' },
    },
  ],
  [
    "/domain/devices/disk[alias/@name='ua-disk0']/driver/@cache",
    {
      steps: [
        { name: name('domain'), predicates: [] },
        { name: name('devices'), predicates: [] },
        {
          name: name('disk'),
          predicates: [{ elements: [name('alias')], attribute: name('name'), value: 'ua-disk0' }],
        },
        { name: name('driver'), predicates: [] },
      ],
      target: { kind: 'attribute', name: name('cache') },
    },
  ],
  [
    "/domain/devices/disk[target='vda'][@type='file' and source/host/@port='22']",
    {
      steps: [
        { name: name('domain'), predicates: [] },
        { name: name('devices'), predicates: [] },
        {
          name: name('disk'),
          predicates: [
            { elements: [name('target')], value: 'vda' },
            { elements: [], attribute: name('type'), value: 'file' },
            { elements: [name('source'), name('host')], attribute: name('port'), value: '22' },
          ],
        },
      ],
      target: element,
    },
  ],
  [
    "/domain/qemu:commandline/qemu:arg[@value='-s']",
    {
      steps: [
        { name: name('domain'), predicates: [] },
        { name: name('commandline', 'qemu', QEMU_NAMESPACE), predicates: [] },
        {
          name: name('arg', 'qemu', QEMU_NAMESPACE),
          predicates: [{ elements: [], attribute: name('value'), value: '-s' }],
        },
      ],
      target: element,
    },
  ],
  [
    "/domain/metadata/app:info['x'=@app:kind]/@xml:lang",
    {
      steps: [
        { name: name('domain'), predicates: [] },
        { name: name('metadata'), predicates: [] },
        {
          name: name('info', 'app', 'urn:app'),
          predicates: [{ elements: [], attribute: name('kind', 'app', 'urn:app'), value: 'x' }],
        },
      ],
      target: {
        kind: 'attribute',
        name: name('lang', 'xml', 'http://www.w3.org/XML/1998/namespace'),
      },
    },
  ],
  [
    '/child::domain/child::os',
    {
      steps: [
        { name: name('domain'), predicates: [] },
        { name: name('os'), predicates: [] },
      ],
      target: element,
    },
  ],
];

for (const [source, expected] of accepted) {
  test(`simple: ${source}`, () => {
    assert.deepEqual(compileSimplePath(source, namespaces), {
      ok: true,
      value: { source, ...expected },
    });
  });
}

const rejected: readonly (readonly [string, string])[] = [
  ['//disk', 'NOT_SIMPLE_PATH'],
  ['/domain//disk', 'NOT_SIMPLE_PATH'],
  ['domain/devices', 'NOT_SIMPLE_PATH'],
  ['/domain/devices/*', 'NOT_SIMPLE_PATH'],
  ['/domain/devices/disk[1]', 'NOT_SIMPLE_PATH'],
  ['/domain/devices/disk[last()]', 'NOT_SIMPLE_PATH'],
  ["/domain/devices/disk[contains(@name, 'x')]", 'NOT_SIMPLE_PATH'],
  ["/domain/devices/disk[@a='1' or @b='2']", 'NOT_SIMPLE_PATH'],
  ["/domain/devices/disk[@a!='1']", 'NOT_SIMPLE_PATH'],
  ['/domain/devices/disk[@a=1]', 'NOT_SIMPLE_PATH'],
  ['/domain/devices/disk[@a]', 'NOT_SIMPLE_PATH'],
  ["/domain/devices/disk[alias[@x='1']/@name='y']", 'NOT_SIMPLE_PATH'],
  ["/domain/devices/disk[./alias/@name='y']", 'NOT_SIMPLE_PATH'],
  ["/domain/devices/disk[/domain/@type='kvm']", 'NOT_SIMPLE_PATH'],
  ['/domain/@type/x', 'NOT_SIMPLE_PATH'],
  ['/domain/text()/x', 'NOT_SIMPLE_PATH'],
  ['/domain/@*', 'NOT_SIMPLE_PATH'],
  ['/domain/devices/..', 'NOT_SIMPLE_PATH'],
  ['/domain/comment()', 'NOT_SIMPLE_PATH'],
  ['/domain | /domain/os', 'NOT_SIMPLE_PATH'],
  ['count(/domain)', 'NOT_SIMPLE_PATH'],
  ['/', 'NOT_SIMPLE_PATH'],
  ['/@type', 'NOT_SIMPLE_PATH'],
  ['/domain/following-sibling::x', 'NOT_SIMPLE_PATH'],
  ['/domain[', 'XPATH_SYNTAX'],
  ["/domain/devices/disk[@name='x]", 'XPATH_SYNTAX'],
  ['/domain/foo:bar', 'UNKNOWN_PREFIX'],
  ["/domain/disk[foo:alias/@name='x']", 'UNKNOWN_PREFIX'],
];

for (const [source, code] of rejected) {
  test(`not simple: ${source} → ${code}`, () => {
    const compiled = compileSimplePath(source, namespaces);
    assert.equal(compiled.ok ? 'accepted' : compiled.problem.code, code);
  });
}
