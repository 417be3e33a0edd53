/** compileXPath: syntax and prefix errors at load time; selectNodes: document order, no duplicates. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DOMParser } from '@xmldom/xmldom';
import { compileXPath } from '../../../src/engine/xml/compile-xpath.js';
import { selectNodes } from '../../../src/engine/xml/select-nodes.js';
import { QEMU_NAMESPACE } from '../../../src/engine/model.js';

const namespaces = { qemu: QEMU_NAMESPACE };
const xml = `<domain xmlns:ns0="${QEMU_NAMESPACE}"><devices><disk><alias name="a"/></disk><disk><alias name="b"/></disk></devices>`
  + '<ns0:commandline><ns0:arg value="-x"/><ns0:arg value="-y"/></ns0:commandline></domain>';
const document = new DOMParser().parseFromString(xml, 'text/xml');

const errors: readonly (readonly [string, string])[] = [
  ['/domain[', 'XPATH_SYNTAX'],
  ['/domain/devices/disk[@name=]', 'XPATH_SYNTAX'],
  ['foo:bar', 'UNKNOWN_PREFIX'],
  ['/domain/x:*', 'UNKNOWN_PREFIX'],
];
for (const [source, code] of errors) {
  test(`compileXPath rejects ${source} with ${code}`, () => {
    const compiled = compileXPath(source, namespaces);
    assert.equal(compiled.ok ? 'ok' : compiled.problem.code, code);
  });
}

const selections: readonly (readonly [string, readonly string[]])[] = [
  ["/domain/devices/disk[alias/@name='b']/alias/@name", ['b']],
  ['//qemu:arg/@value', ['-x', '-y']],
  ["//*[@x='a:b']", []],
  ['//alias/@name | //disk/alias/@name', ['a', 'b']],
  ['count(//disk)', []],
];
for (const [source, values] of selections) {
  test(`selectNodes ${source}`, () => {
    const compiled = compileXPath(source, namespaces);
    assert.ok(compiled.ok);
    assert.deepEqual(selectNodes(compiled.value, document).map((node) => node.nodeValue), values);
  });
}
