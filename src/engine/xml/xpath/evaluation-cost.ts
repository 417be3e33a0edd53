/**
 * The cost of the XPath evaluation in progress, counted like CEL's: one unit per node an axis
 * visits, per node a predicate runs on, per node sorted and per node a string-value walks. A path
 * that nests `//` in predicates is quadratic in the document; the limit ends it with an error.
 */
import { activeMeter, WorkAborted, type Meter } from '../../meter.js';

interface Evaluation {
  spent: number;
  readonly meter: Meter;
}

/** Evaluations are synchronous; a nested one (the policy's) saves and restores the outer one. */
let current: Evaluation | undefined;

/** Charge the evaluation in progress (none outside a metered call: the evaluator's own tests). */
export function chargeXPath(units: number): void {
  if (current === undefined) return;
  current.spent += units;
  const max = current.meter.budgets.maxXPathCost;
  if (current.spent > max)
    throw new WorkAborted(
      {
        code: 'LIMIT_EXCEEDED',
        message: `the path costs more than ${max} units to evaluate on this domain`,
      },
      false,
    );
  current.meter.work(units);
}

/** Run one evaluation with its own cost count, under the call's meter. */
export function withXPathCost<T>(run: () => T): T {
  const meter = activeMeter();
  if (meter === undefined) return run();
  const outer = current;
  current = { spent: 0, meter };
  try {
    return run();
  } finally {
    current = outer;
  }
}
