/** The budgets, each judged met or missed from this run's medians (or not judged when a figure is missing). */
import type { EngineRow } from './engine-table.js';
import type { ServerFigures, ServerSummary } from './server-summary.js';

export interface BudgetVerdict {
  readonly budget: string;
  readonly measured: string;
  /** undefined: this run could not measure it */
  readonly met: boolean | undefined;
  readonly note?: string;
}

/** The mixed run the memory budget is defined on. */
export const MEMORY_BUDGET_CALLS = 10_000;

function figuresOf(
  servers: readonly ServerSummary[],
  name: ServerSummary['name'],
): ServerFigures | undefined {
  const server = servers.find((candidate) => candidate.name === name);
  return server?.status === 'measured' ? server.figures : undefined;
}

function verdict(
  budget: string,
  value: number | undefined,
  unit: string,
  pass: (value: number) => boolean,
  note?: string,
): BudgetVerdict {
  if (value === undefined || !Number.isFinite(value))
    return { budget, measured: 'not measured', met: undefined };
  const measured = `${value.toFixed(value < 10 ? 2 : 1)}${unit}`;
  return { budget, measured, met: pass(value), ...(note === undefined ? {} : { note }) };
}

/** A server that died in the mixed run missed its memory budget, whatever the other rounds read. */
function memoryVerdict(
  budget: string,
  figures: ServerFigures | undefined,
  field: (f: ServerFigures) => number,
  limit: number,
  note?: string,
): BudgetVerdict {
  if (figures?.crash !== undefined)
    return {
      budget,
      measured: `crashed in ${figures.crashes} round(s)`,
      met: false,
      note: figures.crash.slice(0, 200),
    };
  return verdict(
    budget,
    figures === undefined ? undefined : field(figures),
    ' MiB',
    (v) => v <= limit,
    note,
  );
}

/** log(t2/t1) / log(size2/size1): 1 is linear, 2 quadratic. */
function growthExponent(
  small: EngineRow | undefined,
  large: EngineRow | undefined,
): number | undefined {
  if (
    small === undefined ||
    large === undefined ||
    small.problem !== undefined ||
    large.problem !== undefined
  )
    return undefined;
  return Math.log(large.applyMs / small.applyMs) / Math.log(large.bytes / small.bytes);
}

export function judgeBudgets(
  servers: readonly ServerSummary[],
  engine: readonly EngineRow[],
): BudgetVerdict[] {
  const hookpatch = figuresOf(servers, 'hookpatch');
  const floor = figuresOf(servers, 'floor');
  const statusQuo = figuresOf(servers, 'status-quo');
  const short =
    hookpatch !== undefined && hookpatch.mixedCalls < MEMORY_BUDGET_CALLS
      ? `only ${hookpatch.mixedCalls} mixed calls this run`
      : undefined;
  const large = engine.find((row) => row.disks === 1000);
  return [
    {
      budget: 'hookpatch answers correctly (patched, no errors)',
      measured:
        hookpatch === undefined
          ? 'not measured'
          : `patched: ${String(hookpatch.patched)}, errors: ${hookpatch.errors + hookpatch.mixedErrors}`,
      met:
        hookpatch === undefined
          ? undefined
          : hookpatch.patched && hookpatch.errors + hookpatch.mixedErrors === 0,
    },
    memoryVerdict(
      'RSS ≤ 58 MiB after 10,000 mixed calls',
      hookpatch,
      (f) => f.afterRssMiB,
      58,
      short,
    ),
    memoryVerdict(
      'anonymous RSS ≤ 32 MiB after 10,000 mixed calls',
      hookpatch,
      (f) => f.afterAnonMiB,
      32,
      short,
    ),
    verdict('p50 ≤ 3 ms per 8 KB call', hookpatch?.p50Ms, ' ms', (v) => v <= 3),
    verdict(
      '≥ 10× faster than fork-per-call (p50)',
      statusQuo && hookpatch ? statusQuo.p50Ms / hookpatch.p50Ms : undefined,
      '×',
      (v) => v >= 10,
    ),
    verdict(
      'within 3× of the transport floor (p50)',
      floor && hookpatch ? hookpatch.p50Ms / floor.p50Ms : undefined,
      '×',
      (v) => v <= 3,
    ),
    verdict(
      'cold start ≤ 250 ms to the first Info answer',
      hookpatch?.coldStartMs,
      ' ms',
      (v) => v <= 250,
    ),
    verdict(
      'apply time linear in domain size (100 → 1,000 disks)',
      growthExponent(
        engine.find((row) => row.disks === 100),
        large,
      ),
      ' (exponent)',
      (v) => v <= 1.25,
      'time ∝ size^exponent; ≤ 1.25 counts as linear',
    ),
    verdict(
      '1,000 disks, 10 operations ≤ 100 ms',
      large?.problem === undefined ? large?.applyMs : undefined,
      ' ms',
      (v) => v <= 100,
    ),
  ];
}
