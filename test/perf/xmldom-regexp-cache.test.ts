/** The xmldom RegExp cache: one RegExp per list of grammar parts, the same matches as a fresh one. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import grammar from '@xmldom/xmldom/lib/grammar.js';
import '../../src/engine/xml/xmldom-regexp-cache.js';
import { parseDomainXml } from '../../src/engine/xml/parse-xml.js';

const NAME = /[A-Za-z_][\w.-]*/;

test('the same parts give the same RegExp, other parts another', () => {
  const first = grammar.reg('^', NAME, '$');
  assert.equal(grammar.reg('^', NAME, '$'), first);
  assert.notEqual(grammar.reg('^', NAME), first);
  assert.equal(first.source, `^${NAME.source}$`);
});

const cases: readonly { readonly text: string; readonly matches: boolean }[] = [
  { text: 'disk', matches: true },
  { text: 'qemu:commandline', matches: false },
  { text: '1disk', matches: false },
  { text: 'disk ', matches: false },
];

for (const { text, matches } of cases) {
  test(`a cached RegExp matches ${JSON.stringify(text)} as a fresh one does`, () => {
    const cached = grammar.reg('^', NAME, '$');
    assert.equal(cached.test(text), matches);
    assert.equal(cached.test(text), new RegExp(`^${NAME.source}$`, cached.flags).test(text));
  });
}

test('end tags are still checked after many parses', () => {
  for (let i = 0; i < 3; i += 1)
    assert.equal(parseDomainXml('<domain><devices></devices></domain>').ok, true);
  const bad = parseDomainXml('<domain><devices></devices ="x"></domain>');
  assert.equal(bad.ok, false);
  if (!bad.ok) assert.equal(bad.problem.code, 'XML_MALFORMED');
});

test('xmldom still builds its end-tag RegExps through grammar.reg while parsing (else the cache is dead code)', () => {
  const cached = grammar.reg;
  let calls = 0;
  grammar.reg = function counted(this: unknown, ...parts: (string | RegExp)[]): RegExp {
    calls += 1;
    return cached.apply(this, parts);
  };
  try {
    assert.equal(parseDomainXml('<domain><devices><disk></disk></devices></domain>').ok, true);
  } finally {
    grammar.reg = cached;
  }
  assert.ok(calls >= 3, `grammar.reg called ${calls} times for three end tags`);
});
