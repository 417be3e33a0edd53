/** Conditions and vars: compile-time checks, call-time results, errors and the cost limit. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ErrorCode } from '../../../src/engine/errors.js';
import {
  compileExpression,
  evaluateCondition,
  evaluateVars,
  type Scope,
} from '../../../src/engine/expr/expression.js';
import type { InvocationContext, VarDefinition } from '../../../src/engine/model.js';

const vmi: unknown = JSON.parse(`{
  "metadata": {"name": "vm-7", "annotations": {"smbios.vm.kubevirt.io/baseBoardManufacturer": "Acme", "x": "y", "tag": "a\\u003cb"}},
  "spec": {"domain": {"cpu": {"cores": 2, "ratio": 1.5}, "devices": {"disks": [{"name": "rootdisk"}, {"name": "cloudinit"}, {"name": "data"}]}}}
}`);
const boot: Scope = { vmi, context: 'Boot' };

function compiled(source: string) {
  const expression = compileExpression(source);
  assert.ok(expression.ok, `${source}: ${expression.ok ? '' : expression.problem.message}`);
  return expression.value;
}

describe('evaluateCondition', () => {
  const rows: ReadonlyArray<readonly [string, boolean | ErrorCode]> = [
    ["'smbios.vm.kubevirt.io/baseBoardManufacturer' in vmi.metadata.annotations", true],
    ["'other' in vmi.metadata.annotations", false],
    ["has(vmi.metadata.annotations) && vmi.metadata.annotations['x'] == 'y'", true],
    ['has(vmi.metadata.labels)', false],
    ["vmi.spec.domain.devices.disks.exists(d, d.name == 'rootdisk')", true],
    ["vmi.spec.domain.devices.disks.all(d, d.name.startsWith('r'))", false],
    ['size(vmi.spec.domain.devices.disks) > 2', true],
    ["vmi.metadata.name.matches('^vm-[0-9]+$') && vmi.metadata.name.contains('-')", true],
    ["matches(vmi.metadata.name, '^vm') && !vmi.metadata.name.matches('^VM')", true],
    [
      "vmi.metadata.name.matches(vmi.metadata.annotations.x) || 'yyy'.matches(vmi.metadata.annotations.x)",
      true,
    ],
    ["vmi.metadata.name.matches(vmi.metadata.name + '(')", 'CEL_EVAL'],
    ["vmi.metadata.annotations.tag == 'a<b'", true],
    ['vmi.spec.domain.cpu.cores == 2', true],
    ['vmi.spec.domain.cpu.cores * 2 == 4', true],
    ['vmi.spec.domain.cpu.ratio * 2.0 == 3.0', true],
    ["(vmi.spec.domain.cpu.cores > 1 ? 'big' : 'small') == 'big'", true],
    ["context == 'MigrationTarget'", false],
    ["vmi.metadata.annotations['missing'] == 'x'", 'CEL_EVAL'],
    ['vmi.metadata.labels.size() == 0', 'CEL_EVAL'],
    ["vmi.metadata.name + '!'", 'CEL_EVAL'],
    ['vmi.spec.domain.cpu.cores', 'CEL_EVAL'],
    ['vmi.spec.domain.cpu.ratio * 2 > 1', 'CEL_EVAL'],
  ];
  for (const [source, expected] of rows) {
    it(source, () => {
      const result = evaluateCondition(compiled(source), boot);
      if (typeof expected === 'boolean') assert.deepEqual(result, { ok: true, value: expected });
      else assert.equal(result.ok ? 'ok' : result.problem.code, expected);
    });
  }

  for (const context of [
    'Boot',
    'MigrationSource',
    'MigrationTarget',
  ] satisfies InvocationContext[]) {
    it(`sees context ${context}`, () => {
      const expression = compiled(`context == '${context}'`);
      assert.deepEqual(evaluateCondition(expression, { vmi, context }), { ok: true, value: true });
      const other = context === 'Boot' ? 'MigrationTarget' : 'Boot';
      assert.deepEqual(evaluateCondition(expression, { vmi, context: other }), {
        ok: true,
        value: false,
      });
    });
  }

  it('compiles an Expression it did not make on first use', () => {
    assert.deepEqual(evaluateCondition({ source: "context == 'Boot'" }, boot), {
      ok: true,
      value: true,
    });
    const broken = evaluateCondition({ source: 'nope' }, boot);
    assert.equal(broken.ok ? 'ok' : broken.problem.code, 'CEL_SYNTAX');
  });

  it('works on an empty VMI', () => {
    assert.deepEqual(
      evaluateCondition(compiled('has(vmi.metadata)'), { vmi: {}, context: 'Boot' }),
      { ok: true, value: false },
    );
  });
});

describe('compileExpression', () => {
  const rows: ReadonlyArray<readonly [string, ErrorCode]> = [
    ['foo == 1', 'CEL_SYNTAX'],
    ['vmi.a == 1 &&\n bar', 'CEL_SYNTAX'],
    ['1 +', 'CEL_SYNTAX'],
    ['vmi.x[', 'CEL_SYNTAX'],
    ['context == 1', 'CEL_SYNTAX'],
    ["vmi.metadata.name.matches('(a')", 'CEL_SYNTAX'],
    ["vmi.metadata.name.matches('(a)\\\\1')", 'CEL_SYNTAX'],
    ["vmi.metadata.name.matches('x(?=y)')", 'CEL_SYNTAX'],
    [`vmi.a == '${'x'.repeat(5000)}'`, 'LIMIT_EXCEEDED'],
  ];
  for (const [source, expected] of rows) {
    it(JSON.stringify(source.slice(0, 60)), () => {
      const result = compileExpression(source);
      assert.equal(result.ok ? 'ok' : result.problem.code, expected);
    });
  }

  it('names the unknown identifier and its position', () => {
    const result = compileExpression('vmi.a == 1 && bar');
    assert.ok(!result.ok);
    assert.match(result.problem.message, /bar/);
    assert.match(result.problem.message, /1:15/);
  });

  it('speaks of matches() in its messages', () => {
    const result = compileExpression("vmi.a == 1 || 1.matches('x')");
    assert.ok(!result.ok);
    assert.match(result.problem.message, /matches/);
  });

  it('points at an invalid pattern', () => {
    const result = compileExpression("vmi.a == 'b' || vmi.c.matches('(')");
    assert.ok(!result.ok);
    assert.match(result.problem.message, /1:23/);
  });

  it('refuses a literal blow-up at load time', () => {
    const hundred = `[${Array.from({ length: 100 }, (_, n) => n).join(',')}]`;
    const source = `${hundred}.exists(a, ${hundred}.exists(b, ${hundred}.exists(c, a + b + c == -1)))`;
    const result = compileExpression(source);
    assert.equal(result.ok ? 'ok' : result.problem.code, 'LIMIT_EXCEEDED');
  });
});

describe('cost limit', () => {
  const wide = { items: Array.from({ length: 2000 }, (_, n) => n), text: 'x'.repeat(100_000) };
  const rows: ReadonlyArray<readonly [string, string]> = [
    [
      'nested comprehensions over the VMI',
      'vmi.items.exists(a, vmi.items.exists(b, vmi.items.exists(c, a + b + c == -1)))',
    ],
    [
      'doubling strings with bind',
      'cel.bind(a, vmi.text + vmi.text, cel.bind(b, a + a, cel.bind(c, b + b, cel.bind(d, c + c, d + d)))).size() == 0',
    ],
    ['joining copies in a loop', "vmi.items.map(i, vmi.text).join('').size() == 0"],
  ];
  for (const [name, source] of rows) {
    it(`stops ${name} before running it`, () => {
      const expression = compiled(source);
      const result = evaluateCondition(expression, { vmi: wide, context: 'Boot' });
      assert.equal(result.ok ? 'ok' : result.problem.code, 'LIMIT_EXCEEDED');
    });
  }

  it('matches in linear time where a backtracking engine would not finish', () => {
    const expression = compiled("vmi.text.matches('^(x+)+$') || vmi.text.matches('(x|xx)*y')");
    const started = performance.now();
    const result = evaluateCondition(expression, {
      vmi: { text: `${'x'.repeat(20_000)}!` },
      context: 'Boot',
    });
    assert.deepEqual(result, { ok: true, value: false });
    assert.ok(performance.now() - started < 5000);
  });

  it('runs the same expression on a small VMI', () => {
    const expression = compiled(rows[0]?.[1] ?? '');
    const result = evaluateCondition(expression, { vmi: { items: [1, 2, 3] }, context: 'Boot' });
    assert.deepEqual(result, { ok: true, value: false });
  });

  it('takes its limit as a parameter', () => {
    const expression = compiled('vmi.items.exists(a, a == 1999)');
    const scope: Scope = { vmi: wide, context: 'Boot' };
    assert.deepEqual(evaluateCondition(expression, scope), { ok: true, value: true });
    const tight = evaluateCondition(expression, scope, {
      maxSourceLength: 4096,
      maxAstNodes: 1000,
      maxDepth: 32,
      maxCost: 100,
    });
    assert.equal(tight.ok ? 'ok' : tight.problem.code, 'LIMIT_EXCEEDED');
  });
});

describe('evaluateVars', () => {
  function vars(entries: ReadonlyArray<readonly [string, string]>): VarDefinition[] {
    return entries.map(([name, source]) => ({
      name,
      expression: compiled(source),
      at: { document: 'test' },
    }));
  }

  it('renders scalars as CEL strings, in declaration order', () => {
    const result = evaluateVars(
      vars([
        ['maker', "vmi.metadata.annotations['smbios.vm.kubevirt.io/baseBoardManufacturer']"],
        ['cores', 'vmi.spec.domain.cpu.cores * 2'],
        ['ratio', 'vmi.spec.domain.cpu.ratio'],
        ['migrating', "context != 'Boot'"],
        ['unsigned', '7u'],
        ['disks', "vmi.spec.domain.devices.disks.map(d, d.name).join(',')"],
      ]),
      { vmi, context: 'MigrationTarget' },
    );
    assert.ok(result.ok);
    assert.deepEqual(
      [...result.value],
      [
        ['maker', 'Acme'],
        ['cores', '4'],
        ['ratio', '1.5'],
        ['migrating', 'true'],
        ['unsigned', '7'],
        ['disks', 'rootdisk,cloudinit,data'],
      ],
    );
  });

  const failures: ReadonlyArray<readonly [string, string, ErrorCode]> = [
    ['missing annotation', "vmi.metadata.annotations['nope']", 'CEL_EVAL'],
    ['a list', 'vmi.spec.domain.devices.disks', 'CEL_EVAL'],
    ['a map', 'vmi.metadata', 'CEL_EVAL'],
    ['null', 'null', 'CEL_EVAL'],
  ];
  for (const [name, source, code] of failures) {
    it(`refuses ${name}`, () => {
      const result = evaluateVars(
        vars([
          ['ok', "'fine'"],
          ['bad', source],
        ]),
        boot,
      );
      assert.equal(result.ok ? 'ok' : result.problem.code, code);
      assert.ok(!result.ok && result.problem.message.includes('bad'));
    });
  }

  it('returns an empty map for no vars', () => {
    assert.deepEqual(evaluateVars([], boot), { ok: true, value: new Map() });
  });
});

describe('node', () => {
  const rows: ReadonlyArray<readonly [Scope['node'], string, boolean]> = [
    [{ name: 'n1' }, "node.name == 'n1'", true],
    [{ name: 'n2' }, "node.name == 'n1'", false],
    [undefined, "node.name == ''", true],
    [{ name: 'epyc-07' }, "node.name.startsWith('epyc-')", true],
  ];
  for (const [node, source, expected] of rows) {
    it(`${source} on node ${JSON.stringify(node?.name)}`, () => {
      const scope: Scope = node === undefined ? boot : { ...boot, node };
      assert.deepEqual(evaluateCondition(compiled(source), scope), { ok: true, value: expected });
    });
  }

  it('is a type with one field: a misspelt field is refused when the expression compiles', () => {
    const misspelt = compileExpression("node.nmae == 'n1'");
    assert.equal(misspelt.ok ? 'ok' : misspelt.problem.code, 'CEL_SYNTAX');
  });

  it('a var may use the node name', () => {
    const expression = compiled("'pool-' + node.name");
    const vars = evaluateVars([{ name: 'pool', expression, at: {} }], {
      ...boot,
      node: { name: 'n1' },
    });
    assert.deepEqual(vars.ok && [...vars.value], [['pool', 'pool-n1']]);
  });
});
