/** jaxen's XPath 1.0 conformance cases, run through compileXPath + evaluateXPath (linear evaluator with its fallback). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Document, Node } from '@xmldom/xmldom';
import { compileXPath } from '../../../src/engine/xml/compile-xpath.js';
import { evaluateXPath } from '../../../src/engine/xml/select-nodes.js';
import { isNodeSet, toXPathString } from '../../../src/engine/xml/xpath/xpath-value.js';
import { parseXml } from './domain-fixtures.js';
import { JAXEN_FOLDER, loadJaxenCases, type JaxenCase } from './jaxen-cases.js';

/** Cases left out, each rule with its reason; a rule matches the case's select (or its context's / parent test's select). */
const EXCLUDED: readonly (readonly [RegExp, string])[] = [
  [
    /\$\w/,
    'uses variables the jaxen harness binds ($foo); patch paths have no variables, compileXPath rejects them',
  ],
  [
    /\b(evaluate|document|upper-case|lower-case|ends-with)\(/,
    'jaxen extension functions, not XPath 1.0; compileXPath rejects them as unknown functions',
  ],
  [
    /namespace::/,
    'namespace nodes: the DOM (xmldom) has none, so compileXPath rejects the namespace axis',
  ],
];

function exclusionOf(testCase: JaxenCase): readonly [RegExp, string] | undefined {
  const selects = [testCase.select, testCase.contextSelect, testCase.parentSelect ?? ''];
  return EXCLUDED.find(([pattern]) => selects.some((select) => pattern.test(select)));
}

const documents = new Map<string, Document>();
function documentAt(url: string): Document {
  const cached = documents.get(url);
  if (cached !== undefined) return cached;
  const parsed = parseXml(readFileSync(new URL(url, JAXEN_FOLDER), 'utf8'));
  documents.set(url, parsed);
  return parsed;
}

function select(
  source: string,
  namespaces: Readonly<Record<string, string>>,
  context: Node,
): Node[] {
  const compiled = compileXPath(source, namespaces);
  if (!compiled.ok) throw new Error(`${source}: ${compiled.problem.code}`);
  const value = evaluateXPath(compiled.value, context);
  if (!isNodeSet(value)) throw new Error(`${source} is not a node-set`);
  return [...value];
}

function run(testCase: JaxenCase): void {
  const document = documentAt(testCase.documentUrl);
  let contexts = select(testCase.contextSelect, testCase.namespaces, document);
  if (testCase.parentSelect !== undefined)
    contexts = contexts.flatMap((context) =>
      select(testCase.parentSelect ?? '', testCase.namespaces, context),
    );
  assert.ok(contexts.length > 0, 'the context selects at least one node');
  const compiled = compileXPath(testCase.select, testCase.namespaces);
  if (testCase.expectation.kind === 'exception') {
    assert.ok(!compiled.ok && ['XPATH_SYNTAX', 'UNKNOWN_PREFIX'].includes(compiled.problem.code));
    return;
  }
  assert.ok(
    compiled.ok,
    compiled.ok ? '' : `${compiled.problem.code}: ${compiled.problem.message}`,
  );
  for (const context of contexts) {
    const value = evaluateXPath(compiled.value, context);
    if (testCase.expectation.kind === 'count')
      assert.equal(
        isNodeSet(value) ? value.length : `not a node-set: ${String(value)}`,
        testCase.expectation.count,
      );
    else assert.equal(toXPathString(value), testCase.expectation.value);
  }
}

const cases = loadJaxenCases();
const used = new Set<RegExp>();
let excluded = 0;
for (const testCase of cases) {
  const exclusion = exclusionOf(testCase);
  if (exclusion !== undefined) {
    used.add(exclusion[0]);
    excluded += 1;
    continue;
  }
  test(`jaxen: ${testCase.id}`, () => run(testCase));
}

test('every exclusion rule matches some case', () => {
  assert.deepEqual(
    EXCLUDED.filter(([pattern]) => !used.has(pattern)).map(([, reason]) => reason),
    [],
  );
});

test(`jaxen cases: ${cases.length} read, ${excluded} excluded, ${cases.length - excluded} run`, () => {
  assert.ok(cases.length >= 290 && excluded <= 40);
});
