/** The xmldom RegExp cache: written for one xmldom release, installed explicitly, one RegExp per list of grammar parts. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import grammar from '@xmldom/xmldom/lib/grammar.js';
import { installXmldomRegexpCache } from '../../src/engine/index.js';
import { parseDomainXml } from '../../src/engine/xml/parse-xml.js';

/**
 * The release the cache was written for, and the SHA-256 of the source text of the function it
 * wraps (`grammar.reg`). When this test fails, follow "Taking a new xmldom release" in
 * src/engine/xml/xpath/README.md before changing these two values.
 */
const WRITTEN_FOR = {
  version: '0.9.12',
  regSha256: 'b047141903aad9e13273cb8b34bb3e3a91a955ac4fc91d5d1c2d6d70519b263a',
};

const original = grammar.reg;
const installedVersion = (
  JSON.parse(
    readFileSync(createRequire(import.meta.url).resolve('@xmldom/xmldom/package.json'), 'utf8'),
  ) as { version: string }
).version;

test('xmldom is not patched by importing the engine', () => {
  assert.equal(original.name, 'reg');
});

test(`grammar.reg is the function the cache was written for (xmldom ${WRITTEN_FOR.version})`, () => {
  const sha256 = createHash('sha256').update(original.toString()).digest('hex');
  assert.equal(
    sha256,
    WRITTEN_FOR.regSha256,
    `grammar.reg of the installed xmldom ${installedVersion} (SHA-256 ${sha256}) is not the one ` +
      `the cache was written for (${WRITTEN_FOR.version}): see "Taking a new xmldom release" in ` +
      'src/engine/xml/xpath/README.md',
  );
});

test('grammar.reg builds RegExps without the g or y flag, so one can be shared', () => {
  const built = original('^', /[a-z]+/, '$');
  assert.equal(built.global || built.sticky, false);
});

const NAME = /[A-Za-z_][\w.-]*/;

test('installed: the same parts give the same RegExp, other parts another', () => {
  installXmldomRegexpCache();
  assert.notEqual(grammar.reg, original);
  const first = grammar.reg('^', NAME, '$');
  assert.equal(grammar.reg('^', NAME, '$'), first);
  assert.notEqual(grammar.reg('^', NAME), first);
  assert.equal(first.source, `^${NAME.source}$`);
});

test('installing twice keeps the one cache', () => {
  const first = grammar.reg('^', NAME, '$');
  installXmldomRegexpCache();
  assert.equal(grammar.reg('^', NAME, '$'), first);
});

const cases: readonly { readonly text: string; readonly matches: boolean }[] = [
  { text: 'disk', matches: true },
  { text: 'qemu:commandline', matches: false },
  { text: '1disk', matches: false },
  { text: 'disk ', matches: false },
];

for (const { text, matches } of cases) {
  test(`a cached RegExp matches ${JSON.stringify(text)} as a fresh one does`, () => {
    installXmldomRegexpCache();
    const cached = grammar.reg('^', NAME, '$');
    assert.equal(cached.test(text), matches);
    assert.equal(cached.test(text), original('^', NAME, '$').test(text));
  });
}

test('end tags are still checked after many parses', () => {
  installXmldomRegexpCache();
  for (let i = 0; i < 3; i += 1)
    assert.equal(parseDomainXml('<domain><devices></devices></domain>').ok, true);
  const bad = parseDomainXml('<domain><devices></devices ="x"></domain>');
  assert.equal(bad.ok, false);
  if (!bad.ok) assert.equal(bad.problem.code, 'XML_MALFORMED');
});

test('xmldom still builds its end-tag RegExps through grammar.reg while parsing (else the cache is dead code)', () => {
  installXmldomRegexpCache();
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
