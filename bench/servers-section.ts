/** The servers side by side in every condition: start-up, 8 KB calls, memory after the mixed load, and their budgets. */
import { ratioVerdict, verdict, type BudgetVerdict } from './budgets.js';
import { measureServers, type ConditionSummary } from './measure-servers.js';
import type { ServerName } from './options.js';
import { callTable, startOf as startFigures, startTable } from './report-table.js';
import type { BenchContext, BenchSection, SectionReport } from './sections.js';
import { serverChoice } from './server-commands.js';
import type { ServerFigures, ServerSummary } from './server-summary.js';

/** The mixed run the memory budgets are defined on. */
const MEMORY_BUDGET_CALLS = 10_000;

function rowOf(summary: ConditionSummary | undefined, name: ServerName): ServerSummary | undefined {
  return summary?.rows.find((row) => row.name === name);
}

function figuresOf(
  summary: ConditionSummary | undefined,
  name: ServerName,
): ServerFigures | undefined {
  const row = rowOf(summary, name);
  return row?.status === 'measured' ? row.figures : undefined;
}

function startOf(summary: ConditionSummary | undefined, name: ServerName): number | undefined {
  return startFigures(rowOf(summary, name))?.ms;
}

function startCpuOf(summary: ConditionSummary | undefined, name: ServerName): number | undefined {
  return startFigures(rowOf(summary, name))?.cpuMs;
}

/** A server that died in the mixed run missed its memory budget, whatever the other rounds read. */
function memoryVerdict(
  budget: string,
  figures: ServerFigures | undefined,
  value: number | undefined,
  limit: number,
): BudgetVerdict {
  if (figures?.crash !== undefined)
    return {
      budget,
      measured: `crashed in ${figures.crashes} round(s)`,
      met: false,
      note: figures.crash.slice(0, 200),
    };
  const short =
    figures !== undefined && figures.mixedCalls < MEMORY_BUDGET_CALLS
      ? `only ${figures.mixedCalls} mixed calls this run`
      : undefined;
  return verdict(budget, value, ' MiB', (v) => v <= limit, short);
}

function correctness(summaries: readonly ConditionSummary[]): BudgetVerdict {
  const all = summaries.map((summary) => figuresOf(summary, 'hookpatch'));
  const measured = all.filter((figures) => figures !== undefined);
  if (measured.length === 0)
    return {
      budget: 'hookpatch answers correctly (patched, no errors)',
      measured: 'not measured',
      met: undefined,
    };
  const errors = measured.reduce((sum, f) => sum + f.errors + f.mixedErrors, 0);
  const patched = measured.every((f) => f.patched);
  return {
    budget: 'hookpatch answers correctly (patched, no errors)',
    measured: `patched: ${String(patched)}, errors: ${errors}`,
    met: patched && errors === 0,
  };
}

export function serverBudgets(summaries: readonly ConditionSummary[]): BudgetVerdict[] {
  const free = summaries.find((summary) => summary.condition.name === 'unthrottled');
  const quota = summaries.find((summary) => summary.condition.name === 'throttled');
  const hookpatch = figuresOf(free, 'hookpatch');
  const fork = figuresOf(free, 'status-quo');
  const ms = (a: number, b: number): string => `${a.toFixed(0)} vs ${b.toFixed(0)} ms`;
  return [
    correctness(summaries),
    ratioVerdict(
      'start → first Info at 200m ≤ 5× bare node -e 0 at 200m',
      startOf(quota, 'hookpatch'),
      startOf(quota, 'node'),
      5,
      ms,
    ),
    ratioVerdict(
      'start CPU → first Info ≤ 5× bare node -e 0 (all threads; no quota periods to round it)',
      startCpuOf(quota, 'hookpatch'),
      startCpuOf(quota, 'node'),
      5,
      ms,
    ),
    verdict(
      'first OnDefineDomain after start at 200m ≤ 50 ms',
      figuresOf(quota, 'hookpatch')?.firstCallMs,
      ' ms',
      (v) => v <= 50,
    ),
    verdict('p50 ≤ 3 ms per 8 KB call (no CPU limit)', hookpatch?.p50Ms, ' ms', (v) => v <= 3),
    ratioVerdict(
      'p50 ≤ 2.5× the grpc-js floor (no CPU limit)',
      hookpatch?.p50Ms,
      figuresOf(free, 'floor')?.p50Ms,
      2.5,
      (a, b) => `${a.toFixed(2)} vs ${b.toFixed(2)} ms`,
    ),
    memoryVerdict(
      'anonymous RSS ≤ 32 MiB after 10,000 mixed calls',
      hookpatch,
      hookpatch?.afterAnonMiB,
      32,
    ),
    memoryVerdict('cgroup memory peak ≤ 48 MiB over the round', hookpatch, hookpatch?.peakMiB, 48),
    verdict(
      '≥ 10× faster than fork-per-call (p50)',
      fork !== undefined && hookpatch !== undefined ? fork.p50Ms / hookpatch.p50Ms : undefined,
      '×',
      (v) => v >= 10,
    ),
  ];
}

export const serversSection: BenchSection = {
  key: 'servers',
  enabled: () => true,
  async run(context: BenchContext): Promise<SectionReport> {
    const entries = context.options.servers.map((name) => ({
      name,
      ...serverChoice(name, context.paths),
    }));
    const summaries = await measureServers(entries, context.conditions, context);
    const descriptions = entries.map((entry) => `  ${entry.name}: ${entry.description}`);
    return {
      title: 'servers',
      text: [
        startTable(summaries),
        '',
        ...summaries.map((summary) => `${callTable(summary)}\n`),
        'rows:',
        ...descriptions,
      ].join('\n'),
      figures: summaries,
      verdicts: serverBudgets(summaries),
    };
  },
};
