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
/** libxml2's Canonical XML 1.0: an independent parser judges that nothing changed (xmllint is installed by .ci/run). */
const c14n = (path: string): string =>
  execFileSync('xmllint', ['--c14n', path], { encoding: 'utf8' });
const files = readdirSync(corpus, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.xml'))
  .sort();

test('the copied libvirt corpus is complete', () => {
  assert.equal(files.length, 332);
});

for (const file of files) {
  test(`round trip keeps the infoset: ${file}`, () => {
    const text = readFileSync(join(corpus, file), 'utf8');
    const parsed = parseDomainXml(text);
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.problem.message);
    const written = serializeXml(parsed.value);
    const reparsed = parseDomainXml(written);
    assert.ok(reparsed.ok, reparsed.ok ? '' : reparsed.problem.message);
    assert.equal(canonicalXml(reparsed.value), canonicalXml(parsed.value));
    assert.equal(serializeXml(reparsed.value), written, 'serializing is stable');
    const output = join(scratch, 'out.xml');
    writeFileSync(output, written);
    assert.equal(c14n(output), c14n(join(corpus, file)));
  });
}
