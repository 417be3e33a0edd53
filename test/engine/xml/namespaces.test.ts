/** Inserted qemu: nodes are bound correctly in the output, whatever prefixes the input uses (libvirt's namespace traps). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Element } from '@xmldom/xmldom';
import { applyDomain } from '../../../src/engine/apply-domain.js';
import { QEMU_NAMESPACE } from '../../../src/engine/model.js';
import { childElements } from '../../../src/engine/xml/node-kinds.js';
import { parseDomainXml } from '../../../src/engine/xml/parse-xml.js';
import { add, name, patchDocument, set, step } from './build-document.js';

const corpus = new URL('../../fixtures/libvirt-domains/qemuxml2argvdata/', import.meta.url);
const call = { vmi: {}, context: 'Boot' as const };
const COMMANDLINE =
  '<qemu:commandline><qemu:arg value="-x"/><qemu:env name="A" value="1"/></qemu:commandline>';

function expandedNames(element: Element): string[] {
  return [
    `{${element.namespaceURI ?? ''}}${element.localName ?? ''}`,
    ...childElements(element).flatMap(expandedNames),
  ];
}

const rows: { name: string; input: string; rootDeclares?: string; prefix: string }[] = [
  {
    name: 'no qemu declaration: the root gets xmlns:qemu',
    input: '<domain type="kvm"><name>a</name></domain>',
    rootDeclares: 'xmlns:qemu',
    prefix: 'qemu',
  },
  {
    name: 'KubeVirt input already declares it',
    input:
      '<domain type="kvm" xmlns:qemu="http://libvirt.org/schemas/domain/qemu/1.0"><name>a</name></domain>',
    prefix: 'qemu',
  },
  {
    name: 'libvirt ns0 binding on the root is reused',
    input: readFileSync(new URL('qemu-ns-domain-ns0.xml', corpus), 'utf8'),
    prefix: 'ns0',
  },
  {
    name: 'trap: qemu bound to urn:dummy on the root',
    input: readFileSync(new URL('qemu-ns-domain-commandline.xml', corpus), 'utf8'),
    prefix: 'qemu',
  },
  {
    name: 'trap: qemu bound to urn:dummy, ns0 only on an existing element',
    input: readFileSync(new URL('qemu-ns-domain-commandline-ns0.xml', corpus), 'utf8'),
    prefix: 'qemu',
  },
];

for (const row of rows) {
  test(`namespaces: ${row.name}`, () => {
    const result = applyDomain(
      row.input,
      [patchDocument('ns', [add(0, '/domain', COMMANDLINE, { once: false })])],
      call,
    );
    assert.ok(result.ok, result.ok ? '' : result.error.message);
    const reparsed = parseDomainXml(result.value);
    assert.ok(reparsed.ok, reparsed.ok ? '' : reparsed.problem.message);
    const root = reparsed.value.documentElement;
    assert.ok(root !== null);
    const inserted = childElements(root).at(-1);
    assert.ok(inserted !== undefined);
    assert.deepEqual(expandedNames(inserted), [
      `{${QEMU_NAMESPACE}}commandline`,
      `{${QEMU_NAMESPACE}}arg`,
      `{${QEMU_NAMESPACE}}env`,
    ]);
    assert.equal(inserted.prefix, row.prefix);
    if (row.rootDeclares !== undefined)
      assert.equal(root.getAttribute(row.rootDeclares), QEMU_NAMESPACE);
    const original = parseDomainXml(row.input);
    assert.ok(original.ok && original.value.documentElement !== null);
    assert.deepEqual(
      expandedNames(root).slice(0, -3),
      expandedNames(original.value.documentElement),
      "the input's own elements keep their names",
    );
  });
}

test('namespaces: an element without namespace under a default namespace gets xmlns=""', () => {
  const input =
    '<domain><metadata><kubevirt xmlns="http://kubevirt.io"><uid/></kubevirt></metadata></domain>';
  const result = applyDomain(
    input,
    [patchDocument('ns', [add(0, '/domain/metadata/*', '<plain/>')])],
    call,
  );
  assert.ok(result.ok);
  assert.equal(
    result.value,
    '<domain><metadata><kubevirt xmlns="http://kubevirt.io"><uid/><plain xmlns=""/></kubevirt></metadata></domain>',
  );
});

test('namespaces: set creates a qemu element and declares the prefix on the root', () => {
  const op = set(
    0,
    '/domain/qemu:commandline/qemu:arg/@value',
    {
      steps: [
        step('domain'),
        { name: name('commandline', QEMU_NAMESPACE, 'qemu'), predicates: [] },
        { name: name('arg', QEMU_NAMESPACE, 'qemu'), predicates: [] },
      ],
      target: { kind: 'attribute', name: name('value') },
    },
    '-s',
  );
  const result = applyDomain('<domain type="kvm"/>', [patchDocument('ns', [op])], call);
  assert.ok(result.ok, result.ok ? '' : result.error.message);
  assert.equal(
    result.value,
    `<domain type="kvm" xmlns:qemu="${QEMU_NAMESPACE}"><qemu:commandline><qemu:arg value="-s"/></qemu:commandline></domain>`,
  );
});

test('namespaces: a namespaced attribute set where its prefix means something else gets a free prefix', () => {
  const op = set(
    0,
    '/domain/@qemu:mode',
    {
      steps: [step('domain')],
      target: { kind: 'attribute', name: name('mode', QEMU_NAMESPACE, 'qemu') },
    },
    'x',
  );
  const result = applyDomain('<domain xmlns:qemu="urn:dummy"/>', [patchDocument('ns', [op])], call);
  assert.ok(result.ok, result.ok ? '' : result.error.message);
  assert.equal(
    result.value,
    `<domain xmlns:qemu="urn:dummy" xmlns:ns0="${QEMU_NAMESPACE}" ns0:mode="x"/>`,
  );
  const again = applyDomain(result.value, [patchDocument('ns', [op])], call);
  assert.ok(again.ok);
  assert.equal(again.value, result.value);
});
