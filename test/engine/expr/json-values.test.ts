/** JSON values from the VMI reach CEL unchanged: strings as they are, whole numbers as ints, others as doubles. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import {
  compileExpression,
  evaluateCondition,
  evaluateVars,
} from '../../../src/engine/expr/expression.js';
import type { VarDefinition } from '../../../src/engine/model.js';

function definition(name: string, source: string): VarDefinition {
  const expression = compileExpression(source);
  assert.ok(expression.ok);
  return { name, expression: expression.value, at: {} };
}

const text = definition('text', 'vmi.text');
const whole = definition('whole', 'vmi.whole * 1');
const fraction = definition('fraction', 'vmi.fraction');

it('a var of a VMI string, int or double is its JSON value as text', () => {
  fc.assert(
    fc.property(
      fc.string({ unit: 'grapheme' }),
      fc.maxSafeInteger(),
      fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)),
      (s, n, d) => {
        const vmi: unknown = JSON.parse(JSON.stringify({ text: s, whole: n, fraction: d }));
        const result = evaluateVars([text, whole, fraction], { vmi, context: 'Boot' });
        assert.ok(result.ok);
        assert.deepEqual([...result.value.values()], [s, String(n), String(d)]);
      },
    ),
  );
});

it('a key from the VMI, even __proto__, is an ordinary map key', () => {
  fc.assert(
    fc.property(
      fc.constantFrom('__proto__', 'constructor', 'toString', 'a.b', ''),
      fc.string(),
      (key, value) => {
        const vmi: unknown = JSON.parse(
          `{"m": {${JSON.stringify(key)}: ${JSON.stringify(value)}}}`,
        );
        const expression = compileExpression(
          `vmi.m[${JSON.stringify(key)}] == ${JSON.stringify(value)} && size(vmi.m) == 1`,
        );
        assert.ok(expression.ok);
        assert.deepEqual(evaluateCondition(expression.value, { vmi, context: 'Boot' }), {
          ok: true,
          value: true,
        });
      },
    ),
  );
});
