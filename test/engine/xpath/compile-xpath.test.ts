/** compileXPath: syntax and prefix errors at load time; selectNodes: document order, no duplicates. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DOMParser } from '@xmldom/xmldom';
import { compileXPath, resultKind, selectsNodes } from '../../../src/engine/xml/compile-xpath.js';
import {
  evaluateXPath,
  selectNodes,
  type XPathValue,
} from '../../../src/engine/xml/select-nodes.js';
import { QEMU_NAMESPACE } from '../../../src/engine/model.js';

const namespaces = { qemu: QEMU_NAMESPACE };
const xml =
  `<domain xmlns:ns0="${QEMU_NAMESPACE}"><devices><disk><alias name="a"/></disk><disk><alias name="b"/></disk></devices>` +
  '<ns0:commandline><ns0:arg value="-x"/><ns0:arg value="-y"/></ns0:commandline></domain>';
const document = new DOMParser().parseFromString(xml, 'text/xml');

const errors: readonly (readonly [string, string])[] = [
  ['/domain[', 'XPATH_SYNTAX'],
  ['/domain/devices/disk[@name=]', 'XPATH_SYNTAX'],
  ['foo:bar', 'UNKNOWN_PREFIX'],
  ['/domain/x:*', 'UNKNOWN_PREFIX'],
  ["//disk[x:alias/@name='a']", 'UNKNOWN_PREFIX'],
  ['/domain/@x:type', 'UNKNOWN_PREFIX'],
  ['', 'XPATH_SYNTAX'],
  ['/domain/', 'XPATH_SYNTAX'],
  ['//', 'XPATH_SYNTAX'],
  ['/domain/disk[1', 'XPATH_SYNTAX'],
  ["/domain[@a='1]", 'XPATH_SYNTAX'],
  ['/domain/bogus::disk', 'XPATH_SYNTAX'],
  ['/domain/disk[upper-case(@a)]', 'XPATH_SYNTAX'],
  ['/domain/disk[contains(@a)]', 'XPATH_SYNTAX'],
  ['/domain/disk[not()]', 'XPATH_SYNTAX'],
  ['count(1)', 'XPATH_SYNTAX'],
  ["'a' | 'b'", 'XPATH_SYNTAX'],
  ["'a'[1]", 'XPATH_SYNTAX'],
  ['/domain[@id=$name]', 'XPATH_SYNTAX'],
  ['/domain/namespace::*', 'XPATH_SYNTAX'],
  ['/domain disk', 'XPATH_SYNTAX'],
  ['1e3', 'XPATH_SYNTAX'],
  ['id()', 'XPATH_SYNTAX'],
  ["id('a', 'b')", 'XPATH_SYNTAX'],
  [`/domain[${'('.repeat(600)}1${')'.repeat(600)}]`, 'LIMIT_EXCEEDED'],
  [Array.from({ length: 600 }, () => '1').join('+'), 'LIMIT_EXCEEDED'],
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
  ["//disk[alias/@name = 'b']/preceding-sibling::disk/alias/@name", ['a']],
  ['/domain/devices/disk[last()]/alias/@name', ['b']],
  ["//@*[starts-with(., '-')]", ['-x', '-y']],
  ["id('a')", []],
  ['//*[@xml:lang]', []],
];
for (const [source, values] of selections) {
  test(`selectNodes ${source}`, () => {
    const compiled = compileXPath(source, namespaces);
    assert.ok(compiled.ok);
    assert.deepEqual(
      selectNodes(compiled.value, document).map((node) => node.nodeValue),
      values,
    );
  });
}

// XPath 1.0 §5.2.1: an element's unique ID is an attribute the DTD declares of type ID; with no
// DTD (hookpatch refuses DOCTYPEs) no element has one, so id() selects nothing, even where
// attributes are named id or xml:id (the `xpath` package would return those elements).
const withIds = new DOMParser().parseFromString(
  '<r><a id="x"/><b xml:id="y" id="z"/><c>x</c></r>',
  'text/xml',
);
const idCalls: readonly (readonly [string, XPathValue])[] = [
  ["id('x')", []],
  ["id('x y z')", []],
  ['id(//c)', []],
  ['id(//@id)', []],
  ["id('x')/..", []],
  ["//*[id('x')]", []],
  ["count(id('x') | //a)", 1],
  ["boolean(id('y'))", false],
];
for (const [source, value] of idCalls) {
  test(`${source} is ${JSON.stringify(value)} without a DTD`, () => {
    const compiled = compileXPath(source, namespaces);
    assert.ok(compiled.ok);
    assert.deepEqual(evaluateXPath(compiled.value, withIds), value);
  });
}

const kinds: readonly (readonly [string, ReturnType<typeof resultKind>])[] = [
  ['/domain/devices/disk/@type', 'attribute'],
  ['//disk/attribute::*', 'attribute'],
  ['/domain/@type | /domain/@id', 'attribute'],
  ['/domain/name/text()', 'text'],
  ['//qemu:arg', 'element'],
  ['/domain/devices/*[1]', 'element'],
  ['(//disk)[1]', 'element'],
  ['(//disk/@type)[last()]', 'attribute'],
  ['(//disk)[1]/alias', 'element'],
  ['/domain/name | /domain/name/text()', 'unknown'],
  ['/domain/devices/node()', 'unknown'],
  ['//disk/..', 'unknown'],
  ['/', 'unknown'],
  ['count(//disk)', 'unknown'],
];
for (const [source, kind] of kinds) {
  test(`resultKind ${source} is ${kind}`, () => {
    const compiled = compileXPath(source, namespaces);
    assert.ok(compiled.ok);
    assert.equal(resultKind(compiled.value), kind);
  });
}

const nodeSets: readonly (readonly [string, boolean])[] = [
  ['/domain/devices/disk', true],
  ["id('x')", true],
  ['(//disk)[1] | //interface', true],
  ['count(//disk)', false],
  ["//disk/@type = 'file'", false],
  ["'disk'", false],
];
for (const [source, selects] of nodeSets) {
  test(`selectsNodes ${source} is ${selects}`, () => {
    const compiled = compileXPath(source, namespaces);
    assert.ok(compiled.ok);
    assert.equal(selectsNodes(compiled.value), selects);
  });
}
