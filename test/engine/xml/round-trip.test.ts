/** Fidelity: parse + serialize without a patch keeps every libvirt corpus domain's infoset, namespace traps included. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseDomainXml } from '../../../src/engine/xml/parse-xml.js';
import { serializeXml } from '../../../src/engine/xml/serialize-xml.js';
import { canonicalXml } from './canonical-xml.js';

const corpus = new URL('../../fixtures/libvirt-domains/', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'hookpatch-round-trip-'));
const files = readdirSync(corpus, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.xml'))
  .sort();

/** A document between the others in one xmllint run, to cut its output apart; no corpus file has it. */
const SEPARATOR = join(scratch, 'separator.xml');
const SEPARATOR_C14N = '<hookpatch-round-trip-separator></hookpatch-round-trip-separator>';
writeFileSync(SEPARATOR, '<hookpatch-round-trip-separator/>');

/**
 * libxml2's Canonical XML 1.0 of each file: an independent parser judges that nothing changed
 * (xmllint is installed by .ci/run). One run for many files: a process per file cost seconds.
 */
function c14n(paths: readonly string[]): string[] {
  const output = execFileSync(
    'xmllint',
    ['--c14n', ...paths.flatMap((path) => [path, SEPARATOR])],
    {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  const pieces = output.split(SEPARATOR_C14N);
  assert.equal(pieces.pop(), '', 'the output ends with the separator');
  assert.equal(pieces.length, paths.length, 'one canonical form per file');
  return pieces;
}

/** The serialized text of each file that parses; a file that does not fails its own test below. */
const written = files.map((file) => {
  const parsed = parseDomainXml(readFileSync(join(corpus, file), 'utf8'));
  return parsed.ok ? serializeXml(parsed.value) : undefined;
});
const outputs = written.map((text, index) => {
  const output = join(scratch, `${index}.xml`);
  writeFileSync(output, text ?? '<not-parsed/>');
  return output;
});
const canonicalInput = c14n(files.map((file) => join(corpus, file)));
const canonicalOutput = c14n(outputs);

test('the copied libvirt corpus is complete', () => {
  assert.equal(files.length, 332);
});

files.forEach((file, index) => {
  test(`round trip keeps the infoset: ${file}`, () => {
    const parsed = parseDomainXml(readFileSync(join(corpus, file), 'utf8'));
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.problem.message);
    const text = serializeXml(parsed.value);
    assert.equal(text, written[index]);
    const reparsed = parseDomainXml(text);
    assert.ok(reparsed.ok, reparsed.ok ? '' : reparsed.problem.message);
    assert.equal(canonicalXml(reparsed.value), canonicalXml(parsed.value));
    assert.equal(serializeXml(reparsed.value), text, 'serializing is stable');
    assert.equal(canonicalOutput[index], canonicalInput[index]);
  });
});
