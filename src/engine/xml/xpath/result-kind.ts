/**
 * What a compiled path statically selects, judged from its last step: the loader uses it to tell
 * whether a `replace` value must be an XML fragment.
 */
import type { Expression, Step } from './syntax-tree.js';

export type ResultKind = 'attribute' | 'text' | 'element' | 'unknown';

export function resultKindOf(expression: Expression): ResultKind {
  switch (expression.kind) {
    case 'path':
      return lastStepKind(expression.steps.at(-1));
    case 'filter':
      return expression.steps.length === 0
        ? resultKindOf(expression.primary)
        : lastStepKind(expression.steps.at(-1));
    case 'union': {
      const left = resultKindOf(expression.left);
      return left === resultKindOf(expression.right) ? left : 'unknown';
    }
    default:
      return 'unknown';
  }
}

/** `@name`, `@*` → attribute; `text()` on a non-attribute axis → text; a name test on another axis → element. */
function lastStepKind(step: Step | undefined): ResultKind {
  if (step === undefined) return 'unknown';
  const named =
    step.test.kind === 'name' ||
    step.test.kind === 'any-name' ||
    step.test.kind === 'namespace-name';
  if (step.axis === 'attribute')
    return named || step.test.kind === 'node' ? 'attribute' : 'unknown';
  if (step.axis === 'namespace') return 'unknown';
  if (step.test.kind === 'text') return 'text';
  return named ? 'element' : 'unknown';
}
