/** Properties over the corpus domains and generated documents: nothing throws, output parses again, twice equals once, failures and empty documents change nothing. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  applyCloudInit,
  applyDomain,
  loadDocuments,
  type PatchDocument,
} from '../../src/engine/index.js';
import { parseDomainXml } from '../../src/engine/xml/parse-xml.js';
import { corpusDomains } from './corpus-domains.js';
import { generatedDocument } from './generated-documents.js';
import { hostileFixture } from './hostile-cases.js';

const CORPUS = corpusDomains();
const domainText = fc.constantFrom(...CORPUS.map(([, text]) => text));
const BOOT = { vmi: {}, context: 'Boot' as const };
/** Enough runs to meet every operation shape on many corpus files, few enough for the folder's minute. */
const RUNS = { numRuns: 300, seed: 20261122 };

function documentsOf(text: string): readonly PatchDocument[] {
  const loaded = loadDocuments(text, { source: 'generated.yaml', origin: 'file' });
  assert.deepEqual(loaded.errors, []);
  return loaded.documents;
}

/** A document that fails at its last operation: nothing is named hp-never in any domain. */
function failing(text: string, policy: 'Fail' | 'Ignore'): string {
  const document: { domain: unknown[] } = JSON.parse(text);
  return JSON.stringify({
    ...document,
    failurePolicy: policy,
    domain: [...document.domain, { op: 'replace', path: '/domain/hp-never', value: '<hp-never/>' }],
  });
}

/** Bytes around a random place of a corpus domain replaced by arbitrary text: mostly not well-formed any more. */
const damagedDomain = fc
  .tuple(domainText, fc.nat(), fc.nat({ max: 40 }), fc.string({ maxLength: 12 }))
  .map(([text, at, length, insert]) => {
    const start = at % (text.length + 1);
    return text.slice(0, start) + insert + text.slice(start + length);
  });

const SERVER_DOCUMENTS = documentsOf(hostileFixture('server-patch.yaml'));

describe('properties of hostile and generated input', () => {
  test(`the corpus holds enough parseable domains (${CORPUS.length})`, () => {
    assert.ok(CORPUS.length >= 300);
  });

  test('applying never throws, whatever the domain text, cloudInitData or VMI', () => {
    fc.assert(
      fc.property(
        fc.oneof(damagedDomain, fc.string()),
        fc.oneof(
          fc.jsonValue().map((v) => JSON.stringify(v)),
          fc.string(),
        ),
        fc.jsonValue(),
        (domain, cloudInit, vmi) => {
          const call = { vmi, context: 'Boot' as const };
          const patched = applyDomain(domain, SERVER_DOCUMENTS, call);
          if (!patched.ok) assert.equal(typeof patched.error.code, 'string');
          const data = applyCloudInit(cloudInit, SERVER_DOCUMENTS, call);
          if (!data.ok) assert.equal(typeof data.error.code, 'string');
        },
      ),
      { numRuns: 500, seed: 20261122 },
    );
  });

  test('output is well-formed, parses again, and applying twice equals applying once', () => {
    fc.assert(
      fc.property(domainText, generatedDocument, (domain, document) => {
        const documents = documentsOf(document);
        const once = applyDomain(domain, documents, BOOT);
        if (!once.ok) return; // e.g. a set under an element the corpus file does not have twice over
        assert.ok(parseDomainXml(once.value).ok, 'the output parses again');
        const twice = applyDomain(once.value, documents, BOOT);
        assert.ok(twice.ok, 'what applied once applies again');
        assert.equal(twice.value, once.value);
      }),
      RUNS,
    );
  });

  test('a failing document leaves the domain byte-identical (Ignore) or fails the call (Fail)', () => {
    fc.assert(
      fc.property(domainText, generatedDocument, (domain, document) => {
        const ignored = applyDomain(domain, documentsOf(failing(document, 'Ignore')), BOOT);
        assert.ok(ignored.ok);
        assert.equal(ignored.value, domain);
        assert.equal(ignored.documents[0]?.status, 'ignored');
        const failed = applyDomain(domain, documentsOf(failing(document, 'Fail')), BOOT);
        assert.ok(!failed.ok);
        assert.equal(failed.error.code, 'NO_MATCH');
      }),
      RUNS,
    );
  });

  test('an empty document, or one whose condition is false, is the identity', () => {
    fc.assert(
      fc.property(domainText, generatedDocument, (domain, document) => {
        for (const text of [
          '{}',
          '{"domain": []}',
          JSON.stringify({ ...JSON.parse(document), when: 'false' }),
        ]) {
          const result = applyDomain(domain, documentsOf(text), BOOT);
          assert.ok(result.ok);
          assert.equal(result.value, domain);
        }
      }),
      RUNS,
    );
  });
});
