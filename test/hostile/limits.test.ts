/** Each limit holds at its value and refuses one past it, in the engine and as a serve flag. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DOMParser, type Node } from '@xmldom/xmldom';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runApply } from '../../src/cli/apply-command.js';
import { parseLimitFlags } from '../../src/cli/limit-flags.js';
import { parseServeFlags } from '../../src/cli/serve-flags.js';
import {
  applyCloudInit,
  applyDomain,
  loadDocuments,
  type ErrorCode,
} from '../../src/engine/index.js';
import { DEFAULT_LIMITS, type Limits } from '../../src/engine/limits.js';
import { CLOUD_INIT_DATA, DOMAIN } from '../e2e/fixtures.js';
import { hostileFixture } from './hostile-cases.js';

const SET = 'domain:\n  - {op: set, path: /domain/@hp, value: x}\n';
const domainText = DOMAIN.toString('utf8');
const cloudInitText = CLOUD_INIT_DATA.toString('utf8');
/** Element nesting of the recorded domain, counted on xmldom's tree (not by the pre-scan under test). */
function elementDepth(node: Node): number {
  let deepest = 0;
  for (let child = node.firstChild; child !== null; child = child.nextSibling)
    deepest = Math.max(deepest, elementDepth(child));
  return node.nodeType === node.ELEMENT_NODE ? deepest + 1 : deepest;
}
const DOMAIN_DEPTH = elementDepth(new DOMParser().parseFromString(domainText, 'text/xml'));
const VMI_ITEMS = { spec: { items: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] } };
/** The estimated cost of the runaway expression with VMI_ITEMS, as the limit error states it. */
function celCost(): number {
  const documents = loadDocuments(hostileFixture('cel-vmi-forever.yaml'), {
    source: 'limits.yaml',
    origin: 'file',
  }).documents;
  const result = applyDomain(domainText, documents, {
    vmi: VMI_ITEMS,
    context: 'Boot',
    limits: { ...DEFAULT_LIMITS, maxCelCost: 1 },
  });
  return Number((result.ok ? '' : /cost (\d+) units/.exec(result.error.message)?.[1]) ?? NaN);
}
/** Four comprehensions over 40 elements: 2.56 million steps, a small syntax tree. */
const forty = `[${Array.from({ length: 40 }, (_, i) => i).join(',')}]`;
const COSTLY = `when: "${forty}.all(a, ${forty}.all(b, ${forty}.all(c, ${forty}.all(d, a + b + c + d >= 0))))"\n${'domain:\n  - {op: set, path: /domain/@hp, value: x}\n'}`;

function loadCode(text: string, limits: Limits): ErrorCode | undefined {
  return loadDocuments(text, { source: 'limits.yaml', origin: 'file' }, limits).errors[0]?.code;
}

function applyCode(patch: string, limits: Limits): ErrorCode | undefined {
  const documents = loadDocuments(patch, { source: 'limits.yaml', origin: 'file' }).documents;
  const result = applyDomain(domainText, documents, { vmi: VMI_ITEMS, context: 'Boot', limits });
  return result.ok ? undefined : result.error.code;
}

const cases: ReadonlyArray<{
  readonly limit: keyof Limits;
  readonly holds: number;
  readonly run: (limits: Limits) => ErrorCode | undefined;
}> = [
  { limit: 'maxInputLength', holds: domainText.length, run: (limits) => applyCode(SET, limits) },
  {
    limit: 'maxInputLength',
    holds: cloudInitText.length,
    run: (limits) => {
      const result = applyCloudInit(cloudInitText, [], { vmi: {}, context: 'Boot', limits });
      return result.ok ? undefined : result.error.code;
    },
  },
  { limit: 'maxSourceLength', holds: SET.length, run: (limits) => loadCode(SET, limits) },
  {
    limit: 'maxOperations',
    holds: 3,
    run: (limits) =>
      loadCode(`${SET}---\n${SET}${'  - {op: remove, path: /a}\n'.repeat(1)}`, limits),
  },
  { limit: 'maxDepth', holds: DOMAIN_DEPTH, run: (limits) => applyCode(SET, limits) },
  {
    limit: 'maxDepth',
    holds: 3,
    run: (limits) =>
      loadCode(
        'domain: [{op: set, path: /domain/@hp, value: x, optional: true}]\nvars: {a: "[[1]]"}\n',
        limits,
      ),
  },
  // three comprehensions over the VMI's ten items
  {
    limit: 'maxCelCost',
    holds: celCost(),
    run: (limits) => applyCode(hostileFixture('cel-vmi-forever.yaml'), limits),
  },
];

describe('limits', () => {
  for (const row of cases) {
    test(`${row.limit} = ${row.holds} holds, ${row.holds - 1} is exceeded`, () => {
      assert.equal(row.run({ ...DEFAULT_LIMITS, [row.limit]: row.holds }), undefined);
      assert.equal(row.run({ ...DEFAULT_LIMITS, [row.limit]: row.holds - 1 }), 'LIMIT_EXCEEDED');
    });
  }

  test('a raised CEL cost limit admits at load what the default refuses', () => {
    assert.equal(loadCode(COSTLY, DEFAULT_LIMITS), 'LIMIT_EXCEEDED');
    assert.equal(loadCode(COSTLY, { ...DEFAULT_LIMITS, maxCelCost: 1_000_000_000 }), undefined);
  });

  const flags: ReadonlyArray<{
    readonly args: readonly string[];
    readonly limits?: Partial<Limits>;
    readonly error?: RegExp;
  }> = [
    { args: [], limits: {} },
    { args: ['--max-input-length', '100'], limits: { maxInputLength: 100 } },
    {
      args: ['--max-source-length', '200', '--max-operations', '7'],
      limits: { maxSourceLength: 200, maxOperations: 7 },
    },
    {
      args: ['--max-depth', '1000', '--max-cel-cost', '5'],
      limits: { maxDepth: 1000, maxCelCost: 5 },
    },
    { args: ['--max-depth', '1001'], error: /--max-depth/ },
    { args: ['--max-operations', '0'], error: /--max-operations/ },
    { args: ['--max-cel-cost', '1.5'], error: /--max-cel-cost/ },
    { args: ['--max-input-length', '-3'], error: /--max-input-length/ },
    { args: ['--max-source-length', 'lots'], error: /--max-source-length/ },
  ];
  for (const row of flags) {
    test(`serve ${row.args.join(' ') || '(no limit flags)'}`, () => {
      const parsed = parseServeFlags(row.args, {}, 1);
      if (row.error !== undefined) {
        assert.ok(parsed.ok === false);
        assert.match(parsed.message, row.error);
      } else {
        assert.ok(parsed.ok === true);
        assert.deepEqual(parsed.settings.limits, { ...DEFAULT_LIMITS, ...row.limits });
      }
    });
  }

  test('parseLimitFlags ignores flags that are not limits', () => {
    assert.deepEqual(parseLimitFlags({ name: 'x' }), DEFAULT_LIMITS);
  });

  test('apply takes the same flags: a 300-deep domain is refused by default and patched with --max-depth 400', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hookpatch-limits-'));
    const domain = join(dir, 'deep.xml');
    const patch = join(dir, 'patch.yaml');
    await writeFile(domain, `<domain>${'<a>'.repeat(300)}${'</a>'.repeat(300)}</domain>`);
    await writeFile(patch, SET);
    const run = async (
      ...flags: string[]
    ): Promise<{ code: number; stdout: string; stderr: string }> => {
      let stdout = '';
      let stderr = '';
      const code = await runApply(
        ['--patch', patch, '--domain', domain, ...flags],
        { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) },
        {},
      );
      return { code, stdout, stderr };
    };
    const refused = await run();
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /\[LIMIT_EXCEEDED\]/);
    const allowed = await run('--max-depth', '400');
    assert.equal(allowed.code, 0);
    assert.match(allowed.stdout, /^<domain hp="x">/);
  });
});
