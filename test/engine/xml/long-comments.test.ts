/**
 * Long comments set aside while xmldom parses (src/engine/xml/long-comments.ts): the DOM is the one
 * the whole text gives, node for node, and a text parses with them aside exactly when it parses
 * whole — whatever the comments hold and wherever they stand.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { DEFAULT_LIMITS } from '../../../src/engine/limits.js';
import {
  LONG_COMMENT,
  putCommentsBack,
  setLongCommentsAside,
} from '../../../src/engine/xml/long-comments.js';
import { parseDomainXml, parseStrict } from '../../../src/engine/xml/parse-xml.js';
import { DOMAIN } from '../../e2e/fixtures.js';
import { dump } from './dom-dump.js';

const domain = DOMAIN.toString('utf8');

/** Places a comment can stand in the recorded domain: the prolog, between elements, after the root. */
function places(text: string): number[] {
  const ends = [...text.matchAll(/>/g)].map((match) => (match.index ?? 0) + 1);
  return [0, ...ends.filter((_, i) => i % 7 === 0), text.length];
}

/** Comment contents with what makes one not well-formed, line ends, astral and lone surrogates, references. */
const content = fc
  .array(
    fc.constantFrom(
      'x',
      ' ',
      '-',
      '--',
      '\r\n',
      '\r',
      '\n',
      '>',
      '<a>',
      '&#0;',
      '😀',
      '\uD800',
      '&amp;',
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

const TEXT_PLACES = places(domain);

const withComments = fc
  .array(fc.tuple(fc.constantFrom(...TEXT_PLACES), content), { minLength: 1, maxLength: 4 })
  .map((comments) => {
    let text = domain;
    for (const [at, data] of [...comments].sort((a, b) => b[0] - a[0]))
      text = `${text.slice(0, at)}<!--${data}-->${text.slice(at)}`;
    return text;
  });

test('property: with every comment set aside, a text parses exactly when it parses whole, to the same DOM', () => {
  let setAside = 0;
  const parsedWhole = { ok: 0, failed: 0 };
  fc.assert(
    fc.property(withComments, (text) => {
      const whole = parseStrict(text, false);
      parsedWhole[whole.ok ? 'ok' : 'failed'] += 1;
      const comments = setLongCommentsAside(text, 0);
      setAside += comments.aside.length;
      // the quick look for a long span never misses one: a threshold sets aside exactly the long ones
      const long = comments.aside.filter((comment) => comment.content.length >= 5);
      assert.deepEqual(setLongCommentsAside(text, 5).aside, long);
      const aside = parseStrict(comments.text, false);
      assert.equal(aside.ok, whole.ok, text);
      if (aside.ok && whole.ok)
        assert.deepEqual(dump(putCommentsBack(aside.value, comments)), dump(whole.value));
    }),
    { numRuns: 400 },
  );
  // both sides of the equivalence are exercised: well-formed comments set aside, broken ones not
  assert.ok(setAside > 200, `${setAside} comments set aside`);
  assert.ok(parsedWhole.ok > 50 && parsedWhole.failed > 50, JSON.stringify(parsedWhole));
});

test('comments inside CDATA sections, processing instructions and attribute values are not comments', () => {
  const text =
    '<domain a="x>y"><![CDATA[<!--no-->]]><?pi <!--no--> ?><!--yes--><b c=\'<!--\'/></domain>';
  const comments = setLongCommentsAside(text, 0);
  assert.deepEqual(comments.aside, [{ ordinal: 0, content: 'yes' }]);
});

test('a domain with a long comment: parseDomainXml gives the whole parse, and only long ones go aside', () => {
  const long = `${'c'.repeat(LONG_COMMENT)}\r\nend`;
  const text = domain.replace('<devices>', `<devices><!--${long}--><!--short-->`);
  const comments = setLongCommentsAside(text);
  assert.equal(comments.aside.length, 1);
  assert.ok(comments.text.length < text.length - LONG_COMMENT);
  const parsed = parseDomainXml(text, DEFAULT_LIMITS.maxDepth);
  const whole = parseStrict(text, false);
  assert.ok(parsed.ok && whole.ok);
  assert.deepEqual(dump(parsed.value), dump(whole.value));
});

test("a text that does not parse, after a long comment: the whole text's error and place", () => {
  const text = `<domain>\n<!--${'c\n'.repeat(LONG_COMMENT)}-->\n<a></b></domain>`;
  const parsed = parseDomainXml(text, DEFAULT_LIMITS.maxDepth);
  const whole = parseStrict(text);
  assert.ok(!parsed.ok && !whole.ok);
  assert.deepEqual(parsed.problem.at, whole.problem.at);
  assert.equal(parsed.problem.at?.line, LONG_COMMENT + 3);
});
