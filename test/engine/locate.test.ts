/** A reader's position becomes data in the error's location, and the one formatter renders it. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyDomain, formatError, loadDocuments, locate } from '../../src/engine/index.js';

const problem = { code: 'XML_MALFORMED', message: 'm', at: { line: 3, column: 5 } } as const;

test('a position in the input is the error line and column', () => {
  const error = locate(problem, { source: 'domainXML' });
  assert.deepEqual(error.location, { source: 'domainXML', line: 3, column: 5 });
  assert.equal(formatError(error), 'domainXML:3:5: m [XML_MALFORMED]');
});

test('a position inside a located value stays beside the value’s own place', () => {
  const error = locate(problem, { source: 'p.yaml', line: 4, column: 12, document: 'd' });
  assert.deepEqual(error.location.inValue, { line: 3, column: 5 });
  assert.equal(error.location.line, 4);
  assert.equal(formatError(error), 'p.yaml:4:12: document d, value 3:5: m [XML_MALFORMED]');
});

test('the RFC 5261 error element is rendered from the data, not the message', () => {
  const error = {
    code: 'NO_MATCH',
    message: 'm',
    rfc5261: 'unlocated-node',
    location: {},
  } as const;
  assert.equal(formatError(error), '<input>: <unlocated-node>: m [NO_MATCH]');
});

test('a malformed fragment is located at its value, and inside it', () => {
  const text =
    'domain:\n  - op: add\n    path: /domain\n    value: |\n      <a>\n        <b></c>\n      </a>\n';
  const { errors } = loadDocuments(text, { source: 'p.yaml', origin: 'file' });
  const [error] = errors;
  assert.equal(error?.code, 'FRAGMENT_MALFORMED');
  assert.equal(error?.location.line, 4);
  assert.equal(error?.location.inValue?.line, 2);
  assert.doesNotMatch(error?.message ?? '', /line|column/);
});

test('malformed domain XML is located at its line and column, not in its message', () => {
  const patch = 'domain:\n  - {op: remove, path: /domain/x}\n';
  const { documents } = loadDocuments(patch, { source: 'p.yaml', origin: 'file' });
  const domain = '<domain>\n  <name>x</nam>\n</domain>';
  const outcome = applyDomain(domain, documents, { vmi: {}, context: 'Boot' });
  assert.ok(!outcome.ok);
  assert.equal(outcome.error.code, 'XML_MALFORMED');
  assert.equal(outcome.error.location.line, 2);
  assert.doesNotMatch(outcome.error.message, /line \d/);
});
