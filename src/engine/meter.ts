/**
 * The work one call may do, counted where it scales with its input or output, and the edge's
 * probes of time and heap that end it before it can hang or kill the sidecar
 * (docs/serving.md#bounded-work).
 */
import type { ErrorCode, Problem } from './errors.js';

/** What a call may spend; every count is for the whole call. */
export interface WorkBudgets {
  /** nodes operations may insert into the domain (a fragment's nodes and their layout, `set`'s elements) */
  readonly maxNodes: number;
  /** characters operations may add to the output (fragments and values, vars expanded) */
  readonly maxChars: number;
  /** the cost of one XPath evaluation (see xml/xpath/evaluation-cost.ts) */
  readonly maxXPathCost: number;
}

/** Read by the edge: the engine has no clock and no heap of its own. */
export interface MeterProbes {
  /** milliseconds on any monotonic clock */
  readonly now: () => number;
  /** when the call must have ended, on `now`'s clock */
  readonly deadline: number;
  /** whether the heap still has room for the call to go on (may collect garbage to find out) */
  readonly heapHasRoom: () => boolean;
}

/** Ends a call from deep inside a loop; the appliers catch it and return its problem as the call's error. */
export class WorkAborted extends Error {
  readonly problem: Problem;
  /** deadline and heap: the whole call ends, whatever a document's failurePolicy says */
  readonly endsCall: boolean;

  constructor(problem: Problem, endsCall: boolean) {
    super(problem.message);
    this.problem = problem;
    this.endsCall = endsCall;
  }
}

export interface Meter {
  readonly budgets: WorkBudgets;
  /** `units` of work done (nodes visited, characters scanned): the probes run every CHECK_EVERY units */
  work(units: number): void;
  /** nodes inserted into the domain */
  nodes(count: number): void;
  /** characters added to the output */
  chars(count: number): void;
  /** characters added so far, to tell which document grew the output */
  added(): number;
}

/** Probing costs about a microsecond; a unit of work is tens of nanoseconds. */
const CHECK_EVERY = 4096;

function exceeded(code: ErrorCode, message: string, endsCall: boolean): WorkAborted {
  return new WorkAborted({ code, message }, endsCall);
}

/** A meter for one call; without probes only the budgets apply (the command line, tests). */
export function createMeter(budgets: WorkBudgets, probes?: MeterProbes): Meter {
  let untilCheck = CHECK_EVERY;
  let nodes = 0;
  let chars = 0;
  const probe = (): void => {
    untilCheck = CHECK_EVERY;
    if (probes === undefined) return;
    if (probes.now() > probes.deadline)
      throw exceeded('DEADLINE_EXCEEDED', 'the call ran past its deadline', true);
    if (!probes.heapHasRoom())
      throw exceeded(
        'RESOURCE_EXHAUSTED',
        'the call needs more memory than the sidecar has left',
        true,
      );
  };
  const work = (units: number): void => {
    untilCheck -= units;
    if (untilCheck <= 0) probe();
  };
  return {
    budgets,
    work,
    nodes: (count) => {
      nodes += count;
      if (nodes > budgets.maxNodes)
        throw exceeded(
          'LIMIT_EXCEEDED',
          `the operations of this call insert more than ${budgets.maxNodes} nodes`,
          false,
        );
      work(count);
    },
    chars: (count) => {
      chars += count;
      if (chars > budgets.maxChars)
        throw exceeded(
          'LIMIT_EXCEEDED',
          `the operations of this call add more than ${budgets.maxChars} characters`,
          false,
        );
      work(1 + (count >> 6));
    },
    added: () => chars,
  };
}

/**
 * The meter of the call in progress. Calls are synchronous and never interleave, so the loops
 * that charge it need no parameter to find it; a nested run (the policy's) restores the outer one.
 */
let active: Meter | undefined;

export function activeMeter(): Meter | undefined {
  return active;
}

/** Run `run` under `meter`, turning an abort into its problem. */
export function runMetered<T>(
  meter: Meter,
  run: () => T,
):
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly aborted: WorkAborted } {
  const outer = active;
  active = meter;
  try {
    return { ok: true, value: run() };
  } catch (error) {
    if (error instanceof WorkAborted) return { ok: false, aborted: error };
    throw error;
  } finally {
    active = outer;
  }
}

export function chargeWork(units: number): void {
  active?.work(units);
}

export function chargeNodes(count: number): void {
  active?.nodes(count);
}

export function chargeChars(count: number): void {
  active?.chars(count);
}
