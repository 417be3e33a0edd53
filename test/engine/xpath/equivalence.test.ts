/** The linear evaluator selects the same nodes, in the same order, as the `xpath` package, over real domains. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import xpath from 'xpath';
import { QEMU_NAMESPACE } from '../../../src/engine/model.js';
import { compileXPath } from '../../../src/engine/xml/compile-xpath.js';
import { selectNodes } from '../../../src/engine/xml/select-nodes.js';
import { loadDomains, parseXml } from './domain-fixtures.js';

const namespaces = { qemu: QEMU_NAMESPACE, app1: 'http://foo.org/' };

const expressions = [
  '/domain/devices/disk',
  "/domain/devices/disk[alias/@name='ua-myvolume']",
  "//disk[target/@dev='vda']",
  "/domain/devices/disk[@device='disk']/driver/@cache",
  '/domain/devices/disk[1]',
  '/domain/devices/disk[last()]',
  '/domain/devices/disk[position() > 1]',
  "/domain/devices/interface[@type='ethernet' or @type='user']/mac/@address",
  '/domain/devices/*[alias]',
  '//@name',
  '/domain/devices/disk/target/@dev',
  '/domain/os/type/text()',
  '//text()',
  '//comment()',
  '/domain/devices/node()',
  '//disk[not(readonly)]',
  "//disk[contains(source/@file, '.img')]",
  "//disk[starts-with(target/@dev, 'sd')]",
  "//*[normalize-space(text())='hvm']",
  '//disk[count(address) = 1]',
  "//*[local-name()='arg']",
  "//*[name()='qemu:arg']",
  '/domain/qemu:commandline/qemu:arg',
  '/domain/qemu:commandline/qemu:arg/@value',
  '//qemu:*',
  "/domain/devices/disk[alias/@name='ua-default' or @type='file']",
  "/domain/devices/disk[@type='file' and target/@bus='virtio']",
  '//disk/..',
  '//target/parent::disk',
  '//alias/ancestor::devices',
  '/domain/devices/disk[1]/following-sibling::disk',
  '/domain/devices/disk[last()]/preceding-sibling::*[1]',
  '/domain/devices/disk | /domain/devices/interface',
  '//disk/target | //disk/source',
  '/domain/cpu/topology/@*',
  "/domain/memory[@unit='KiB'][. > 1000]",
  "//*[@unit != 'KiB']",
  '/domain/devices/disk[target/@dev = ../disk[1]/target/@dev]',
  '/descendant::disk[2]',
  '//disk[2]',
  "//address[@type='pci'][@slot='0x04']",
  "/domain/sysinfo[@type='smbios']/system/entry[@name='manufacturer']",
  "/domain/sysinfo/system/entry[@name='serial']/text()",
  '//devices/*[self::disk or self::interface]',
  "//interface[model/@type='virtio']/alias/@name",
  "/domain/devices/controller[@type='usb'][@index >= 0]",
  "//*[string(@name)='ua-default']",
  '/domain/metadata/*',
  '/domain/metadata/app1:foo',
  "//*[namespace-uri()!='']",
  "//seclabel[@model='selinux']/label",
  '/domain/features/*',
  '//disk[source/@dev or source/@file]/target/@dev',
  '/*',
  '/',
  "/domain/devices/disk[target/@dev='vdz']",
  '//disk/descendant-or-self::*',
  "//alias/@name[.='ua-default']",
  "/domain/devices/disk[./alias/@name='ua-myvolume']",
  '//disk/following-sibling::*[1]',
  '//cputune/*[last()]',
  "//*[@*='qemu']",
  "/domain//driver[@name='qemu']",
  '//entry[text()]',
  "//os[boot/@dev='hd']",
  '//vcpu[. < 3]',
  '//*[count(*) > 3][last()]',
  '(//disk)[last()]/target/@dev',
  "//interface/following-sibling::disk[target/@bus='sata']",
  '//address[../self::disk]',
  '//devices//alias',
  '//*//*[@name]',
  '//*/following-sibling::disk',
  '//disk/*/preceding-sibling::*',
  '//node()/descendant-or-self::alias',
];

const domains = loadDomains();

for (const source of expressions) {
  test(`same nodes as the xpath package: ${source}`, () => {
    const compiled = compileXPath(source, namespaces);
    assert.ok(compiled.ok, source);
    const reference = xpath.parse(source);
    let selectedSomewhere = false;
    for (const { name, document } of domains) {
      const value = reference.evaluate({ node: document, namespaces });
      assert.ok(value instanceof xpath.XNodeSet);
      const expected = [...new Set(value.toArray())];
      const actual = selectNodes(compiled.value, document);
      assert.equal(actual.length, expected.length, `${name}: count`);
      actual.forEach((node, index) =>
        assert.ok(node === expected[index], `${name}: node ${index} differs`),
      );
      selectedSomewhere ||= actual.length > 0;
    }
    assert.ok(
      selectedSomewhere || source.includes('vdz'),
      'the expression selects something in at least one domain',
    );
  });
}

test('the qemu prefix matches by namespace URI, whatever prefix the document uses', () => {
  const compiled = compileXPath('/domain/qemu:commandline/qemu:arg/@value', namespaces);
  assert.ok(compiled.ok);
  const document = domains.find((domain) =>
    domain.name.endsWith('qemu-ns-domain-ns0.xml'),
  )?.document;
  assert.ok(document !== undefined);
  assert.deepEqual(
    selectNodes(compiled.value, document).map((node) => node.nodeValue),
    ['ARGUMENT'],
  );
});

/** The `xpath` package (0.0.34) gets these axes wrong (`following` yields descendants), so they are checked against the spec's definition here. */
const ownAxes: readonly (readonly [string, string])[] = [
  ['//a/following::*', 'b c d'],
  ['//x/following::*', 'b c d'],
  ['//a/@id/following::*', 'x b c d'],
  ['//d/preceding::*', 'a x b'],
  ['//d/preceding::*[1]', 'b'],
  ['//d/preceding::*[last()]', 'a'],
  ['//c/preceding::node()[2]', 'x'],
  ['//x/following::node()[1]', 'b'],
  ['//*/following::*', 'b c d'],
  ['//*/preceding::*', 'a x b'],
  ['//*[@id or self::x or self::d]/following::*[not(self::d)]', 'b c'],
  ['//@id/following::*', 'x b c d'],
  ['//*/following::*[1]', 'b c'],
  ['//*/preceding::*[last()]', 'a'],
];
for (const [source, names] of ownAxes) {
  test(`following and preceding axes: ${source}`, () => {
    const document = parseXml('<r><a id="1"><x/></a><b/><c><d/></c></r>');
    const compiled = compileXPath(source, namespaces);
    assert.ok(compiled.ok);
    assert.equal(
      selectNodes(compiled.value, document)
        .map((node) => node.nodeName)
        .join(' '),
      names,
    );
  });
}
