/** The work budgets of a call (src/engine/meter.ts): each hostile family ends with its code, at the operation that spent it. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  applyCloudInit,
  applyDomain,
  loadDocuments,
  type ApplyOutcome,
  type ErrorCode,
  type Location,
} from '../../src/engine/index.js';
import { DEFAULT_LIMITS, workBudgetsOf, type Limits } from '../../src/engine/limits.js';
import { createMeter, type Meter } from '../../src/engine/meter.js';
import { CLOUD_INIT_DATA, DOMAIN } from '../e2e/fixtures.js';

const domainText = DOMAIN.toString('utf8');
const cloudInitText = CLOUD_INIT_DATA.toString('utf8');

function documents(patch: string, limits: Limits = DEFAULT_LIMITS) {
  const loaded = loadDocuments(patch, { source: 'budget.yaml', origin: 'annotation' }, limits);
  assert.deepEqual(loaded.errors, []);
  return loaded.documents;
}

function domainCall(
  patch: string,
  limits: Partial<Limits> = {},
  input = domainText,
  meter?: Meter,
): ApplyOutcome<string> {
  const all = { ...DEFAULT_LIMITS, ...limits };
  return applyDomain(input, documents(patch), {
    vmi: {},
    context: 'Boot',
    limits: all,
    ...(meter === undefined ? {} : { meter }),
  });
}

function failure(outcome: ApplyOutcome<unknown>): { code: ErrorCode; location: Location } {
  assert.ok(!outcome.ok, 'the call must fail');
  return { code: outcome.error.code, location: outcome.error.location };
}

/** A domain with `count` elements that each carry `attributes` attributes: nodes for a path to walk. */
function planted(count: number, attributes: number): string {
  const attrs = Array.from({ length: attributes }, (_, i) => ` a${i}="v${i % 7}"`).join('');
  return `<domain type="kvm"><devices>${`<p${attrs}/>`.repeat(count)}</devices></domain>`;
}

describe('work budgets', () => {
  test('an XPath whose node-set comparison is quadratic ends at the cost limit, at its operation', () => {
    const patch = 'domain:\n  - {op: remove, path: "//*[//@* = //@*]/@gone"}\n';
    const outcome = domainCall(patch, { maxXPathCost: 100_000 }, planted(2000, 3));
    assert.deepEqual(failure(outcome), {
      code: 'LIMIT_EXCEEDED',
      location: failure(outcome).location,
    });
    assert.equal(failure(outcome).location.operation, 0);
    assert.equal(failure(outcome).location.document, 'budget.yaml#0');
    // the same path on a small document costs little and runs
    assert.ok(domainCall(patch, { maxXPathCost: 100_000 }, planted(10, 3)).ok);
  });

  test('a realistic path stays far below the default cost on a 2,000-element device list', () => {
    const patch = `domain:\n  - {op: set, path: "/domain/devices/p[@a0='v3']/@seen", value: y}\n`;
    assert.ok(domainCall(patch, {}, planted(2000, 3)).ok);
  });

  const growing =
    'domain:\n' + '  - {op: add, path: //*, once: false, value: <z/><z/>}\n'.repeat(5);
  test('five `add //*` of two elements each end at the node budget, not in an exponential DOM', () => {
    const { code, location } = failure(domainCall(growing, { maxNodes: 50_000 }));
    assert.equal(code, 'LIMIT_EXCEEDED');
    assert.ok((location.operation ?? -1) >= 1, 'the first operations fit');
  });

  test('the node budget holds at its value and is exceeded one below', () => {
    const patch = 'domain:\n  - {op: add, path: /domain, value: <z/>}\n';
    // an element counts twice: itself and the line break the layout gives it
    assert.ok(domainCall(patch, { maxNodes: 2 }).ok);
    assert.equal(failure(domainCall(patch, { maxNodes: 1 })).code, 'LIMIT_EXCEEDED');
  });

  test('text added to every element ends at the character budget', () => {
    const text = 'x'.repeat(10_000);
    const patch = `domain:\n  - {op: add, path: //*, once: false, value: "${text}"}\n`;
    const { code, location } = failure(domainCall(patch, { maxOutputBytes: 200_000 }));
    assert.equal(code, 'LIMIT_EXCEEDED');
    assert.equal(location.operation, 0);
  });

  test('a reply over the output limit names the document that grew it', () => {
    const patch = 'domain:\n  - {op: set, path: /domain/@grown, value: yes}\n';
    const limit = DOMAIN.length + 5;
    const { code, location } = failure(domainCall(patch, { maxOutputBytes: limit }));
    assert.equal(code, 'LIMIT_EXCEEDED');
    assert.equal(location.document, 'budget.yaml#0');
    assert.ok(domainCall(patch, { maxOutputBytes: limit + 64 }).ok);
  });

  test('a long run of spaces in a value is written back in linear time', () => {
    const spaces = ' '.repeat(150_000);
    const input = domainText.replace(
      '</domain>',
      `<description>a${spaces}b</description></domain>`,
    );
    const outcome = domainCall('domain:\n  - {op: set, path: /domain/@x, value: y}\n', {}, input);
    assert.ok(outcome.ok);
    assert.ok(outcome.value.includes(`a${spaces}b`));
  });

  test('the deadline ends the call, even for a document whose failurePolicy is Ignore', () => {
    let clock = 0;
    const meter = createMeter(workBudgetsOf(DEFAULT_LIMITS), {
      now: () => (clock += 1000),
      deadline: 5000,
      heapHasRoom: () => true,
    });
    const patch =
      'failurePolicy: Ignore\ndomain:\n  - {op: remove, path: "//*[//* = //*]/@gone"}\n';
    const { code, location } = failure(domainCall(patch, {}, planted(3000, 1), meter));
    assert.equal(code, 'DEADLINE_EXCEEDED');
    assert.equal(location.operation, 0);
  });

  test('a heap without room ends the call with RESOURCE_EXHAUSTED', () => {
    const meter = createMeter(workBudgetsOf(DEFAULT_LIMITS), {
      now: () => 0,
      deadline: 1,
      heapHasRoom: () => false,
    });
    const patch = 'domain:\n  - {op: remove, path: "//*/@gone"}\n';
    assert.equal(
      failure(domainCall(patch, {}, planted(20_000, 1), meter)).code,
      'RESOURCE_EXHAUSTED',
    );
  });
});

describe('work budgets in cloud-init data', () => {
  const call = (patch: string, limits: Partial<Limits> = {}, data = cloudInitText) =>
    applyCloudInit(data, documents(patch), {
      vmi: {},
      context: 'Boot',
      limits: { ...DEFAULT_LIMITS, ...limits },
    });

  test('twenty copies that double the metadata each time end at a budget', () => {
    const copies = Array.from(
      { length: 20 },
      (_, i) => `  - {op: copy, from: /NoCloudMetaData, path: /NoCloudMetaData/c${i}}\n`,
    ).join('');
    const { code, location } = failure(call(`cloudInit:\n${copies}`));
    assert.equal(code, 'LIMIT_EXCEEDED');
    assert.ok((location.operation ?? 0) > 5, 'the first copies fit');
  });

  const userData = (text: string): string =>
    JSON.stringify({ ...JSON.parse(cloudInitText), UserData: text });
  const touch = 'userData:\n  - {op: add, path: /hostname, value: patched}\n';

  test('user data nested 100,000 deep in block style is refused before it is parsed', () => {
    const deep = `#cloud-config\na:\n  ${'- '.repeat(100_000)}x\n`;
    assert.equal(failure(call(touch, {}, userData(deep))).code, 'LIMIT_EXCEEDED');
  });

  test('user data longer than maxDataLength is refused; at the limit it is patched', () => {
    const text = `#cloud-config\nlong: ${'y'.repeat(5000)}\n`;
    assert.equal(
      failure(call(touch, { maxDataLength: text.length - 1 }, userData(text))).code,
      'LIMIT_EXCEEDED',
    );
    assert.ok(call(touch, { maxDataLength: text.length }, userData(text)).ok);
  });
});

describe('YAML nesting in patch sources', () => {
  test('a block sequence nested 30,000 deep on one line is refused before the YAML parser sees it', () => {
    const text = `domain:\n  ${'- '.repeat(30_000)}x\n`;
    const loaded = loadDocuments(text, { source: 'deep.yaml', origin: 'annotation' });
    assert.deepEqual(
      loaded.errors.map((error) => error.code),
      ['LIMIT_EXCEEDED'],
    );
  });

  test('ordinary nesting, compact sequences included, loads', () => {
    const text = 'domain:\n  - - - {op: remove, path: /a}\n';
    const loaded = loadDocuments(text, { source: 'ok.yaml', origin: 'annotation' });
    assert.ok(loaded.errors.every((error) => error.code !== 'LIMIT_EXCEEDED'));
  });
});
