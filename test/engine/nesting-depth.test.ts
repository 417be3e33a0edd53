/**
 * The depth pre-scans and the forbidden-character scan step from token to token with regular
 * expressions; on any text they answer as the plain character-by-character scans below do.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  jsonDeeperThan,
  jsonValuesAbout,
  xmlDeeperThan,
  yamlFlowDeeperThan,
} from '../../src/engine/nesting-depth.js';
import { parseStrict } from '../../src/engine/xml/parse-xml.js';
import { isForbiddenCode } from '../../src/engine/xml/xml-characters.js';

/** The reference scans, one character at a time. */
function past(text: string, end: string, from: number): number {
  const found = text.indexOf(end, from);
  return found < 0 ? text.length : found + end.length;
}

function referenceStartTagEnd(text: string, from: number): { next: number; empty: boolean } {
  let quote = '';
  for (let i = from; i < text.length; i += 1) {
    const c = text[i];
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return { next: i + 1, empty: text[i - 1] === '/' };
  }
  return { next: text.length, empty: true };
}

function referenceXml(text: string, max: number): boolean {
  let depth = 0;
  let i = text.indexOf('<');
  while (i >= 0 && i < text.length) {
    if (text.startsWith('<!--', i)) i = past(text, '-->', i + 4);
    else if (text.startsWith('<![CDATA[', i)) i = past(text, ']]>', i + 9);
    else if (text.startsWith('<?', i) || text.startsWith('<!', i)) i = past(text, '>', i + 2);
    else if (text.startsWith('</', i)) {
      depth -= 1;
      i = past(text, '>', i + 2);
    } else {
      const tag = referenceStartTagEnd(text, i + 1);
      if (!tag.empty && (depth += 1) > max) return true;
      i = tag.next;
    }
    i = text.indexOf('<', i);
  }
  return false;
}

function referenceJson(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      if ((depth += 1) > max) return true;
    } else if (c === ']' || c === '}') depth -= 1;
  }
  return false;
}

function referenceValues(text: string): number {
  let values = 1;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[' || c === ',') values += 1;
  }
  return values;
}

function referenceYaml(text: string, max: number): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '[' || c === '{') {
      if ((depth += 1) > max) return true;
    } else if ((c === ']' || c === '}') && depth > 0) depth -= 1;
  }
  return false;
}

/** Texts made of the characters the scans care about, so that every branch is taken often. */
const xmlText = fc.string({
  unit: fc.constantFrom(
    '<a>',
    '</a>',
    '<a/>',
    '<a b="x>/">',
    "<a b='>'/>",
    '<!--',
    '-->',
    '<![CDATA[',
    ']]>',
    '<?p?>',
    '<!x>',
    '<',
    '>',
    '/',
    '"',
    "'",
    'a',
  ),
  maxLength: 40,
});
const jsonText = fc.string({
  unit: fc.constantFrom('[', ']', '{', '}', '"', '\\', 'a', ',', ':'),
  maxLength: 80,
});
const depth = fc.integer({ min: 0, max: 6 });

test('xmlDeeperThan answers as the character scan does, on any text and limit', () => {
  fc.assert(
    fc.property(xmlText, depth, (text, max) => {
      assert.equal(xmlDeeperThan(text, max), referenceXml(text, max));
    }),
    { numRuns: 3000 },
  );
});

test('jsonDeeperThan answers as the character scan does (strings, escapes, an open string)', () => {
  fc.assert(
    fc.property(jsonText, depth, (text, max) => {
      assert.equal(jsonDeeperThan(text, max), referenceJson(text, max));
    }),
    { numRuns: 3000 },
  );
});

test('jsonValuesAbout counts as the character scan does', () => {
  fc.assert(
    fc.property(jsonText, (text) => {
      assert.equal(jsonValuesAbout(text), referenceValues(text));
    }),
    { numRuns: 3000 },
  );
});

test('yamlFlowDeeperThan answers as the character scan does', () => {
  fc.assert(
    fc.property(jsonText, depth, (text, max) => {
      assert.equal(yamlFlowDeeperThan(text, max), referenceYaml(text, max));
    }),
    { numRuns: 1000 },
  );
});

// A backtracking expression would hang on these: the timeout fails the test instead.
test(
  'an open attribute value or a run of escapes is scanned, not backtracked',
  { timeout: 20_000 },
  () => {
    const open = `<a b="${'x'.repeat(200_000)}`;
    const escapes = `"${'\\'.repeat(200_001)}`;
    assert.equal(xmlDeeperThan(open, 1), referenceXml(open, 1));
    assert.equal(jsonDeeperThan(escapes, 1), referenceJson(escapes, 1));
  },
);

test('every character isForbiddenCode names is refused by the parser at its place, and no other', () => {
  const codes = [0x85, 0x2028, 0x2029, 0xd7ff, 0xe000];
  for (let code = 0; code <= 0xff; code += 1) codes.push(code);
  for (let code = 0xfff0; code <= 0xffff; code += 1) codes.push(code);
  for (const code of codes) {
    const parsed = parseStrict(`<a>x${String.fromCharCode(code)}</a>`);
    const refusedHere =
      !parsed.ok &&
      parsed.problem.message === 'character not allowed in XML 1.0' &&
      parsed.problem.at?.column === 5;
    if (isForbiddenCode(code)) assert.ok(refusedHere, `U+${code.toString(16)} refused`);
    else assert.ok(!refusedHere, `U+${code.toString(16)} allowed`);
  }
});
