/** The printed tables: start-up side by side over the conditions, calls and memory per condition, and the budget verdicts. */
import type { BudgetVerdict } from './budgets.js';
import type { ConditionSummary } from './measure-servers.js';
import type { ServerSummary } from './server-summary.js';

/** Columns before `leftColumns` are text (left-aligned), the rest numbers (right-aligned). */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  leftColumns = 1,
): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) =>
        column < leftColumns
          ? cell.padEnd(widths[column] ?? 0)
          : cell.padStart(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [
    line(header),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...rows.map(line),
  ].join('\n');
}

export function fixed(value: number | undefined, digits = 1): string {
  return value !== undefined && Number.isFinite(value) ? value.toFixed(digits) : '—';
}

/** Wall and CPU ms from process start to the first Info answer (to its exit for bare node). */
export function startOf(
  row: ServerSummary | undefined,
): { readonly ms: number; readonly cpuMs: number } | undefined {
  if (row?.status === 'measured')
    return { ms: row.figures.coldStartMs, cpuMs: row.figures.coldStartCpuMs };
  if (row?.status === 'start only') return { ms: row.coldStartMs, cpuMs: row.coldStartCpuMs };
  return undefined;
}

/** How often hookpatch's starts took the build's code cache (its `starting` log line). */
function codeCacheNote(conditions: readonly ConditionSummary[]): string {
  const states = conditions.flatMap(({ rows }) =>
    rows.flatMap((row) =>
      row.name === 'hookpatch' && row.status === 'measured'
        ? row.starts.map((start) => start.codeCache ?? 'not logged')
        : [],
    ),
  );
  const counts = new Map<string, number>();
  for (const state of states) counts.set(state, (counts.get(state) ?? 0) + 1);
  return `hookpatch's V8 code cache: ${[...counts].map(([state, n]) => `${state} ${n}×`).join(', ') || '—'}`;
}

/** Start → first Info and the first call after it, every condition side by side, with the ratio to bare node. */
export function startTable(conditions: readonly ConditionSummary[]): string {
  const names = conditions[0]?.rows.map((row) => row.name) ?? [];
  const header = [
    'server',
    ...conditions.flatMap(({ condition }) => [
      `Info ms (${condition.label})`,
      '× node',
      'CPU ms',
      '× node',
      'first call ms',
    ]),
  ];
  const rows = names.map((name) => [
    name,
    ...conditions.flatMap(({ rows: summaries }) => {
      const row = summaries.find((candidate) => candidate.name === name);
      const bare = startOf(summaries.find((candidate) => candidate.name === 'node'));
      const start = startOf(row);
      const first = row?.status === 'measured' ? row.figures.firstCallMs : undefined;
      const ratio = (a: number | undefined, b: number | undefined): number | undefined =>
        a !== undefined && b !== undefined ? a / b : undefined;
      return [
        fixed(start?.ms, 0),
        fixed(ratio(start?.ms, bare?.ms), 1),
        fixed(start?.cpuMs, 0),
        fixed(ratio(start?.cpuMs, bare?.cpuMs), 1),
        fixed(first, 1),
      ];
    }),
  ]);
  return [
    table(header, rows),
    "(process start → first Info answer, wall and CPU of all threads (the cgroup's account); first call: the",
    ' 8 KB OnDefineDomain sent as soon as Info answered, JIT cold; medians of every start)',
    codeCacheNote(conditions),
  ].join('\n');
}

function callRow(server: ServerSummary): string[] {
  if (server.status !== 'measured')
    return [server.name, server.status === 'start only' ? '(start only)' : 'not available'];
  const f = server.figures;
  return [
    server.name,
    fixed(f.p50Ms, 2),
    fixed(f.p99Ms, 2),
    fixed(f.callsPerSecond, 0),
    fixed(f.cpuMsPerCall, 2),
    `${fixed(f.idleRssMiB)} / ${fixed(f.idleAnonMiB)}`,
    `${fixed(f.afterRssMiB)} / ${fixed(f.afterAnonMiB)} (${f.mixedCalls})`,
    fixed(f.peakMiB),
    fixed(f.mixedP50Ms, 2),
    fixed(f.largeP50Ms, 1),
    `${f.errors}+${f.mixedErrors}`,
  ];
}

export function callTable(summary: ConditionSummary): string {
  const header = [
    'server',
    'p50 ms',
    'p99 ms',
    'calls/s',
    'CPU ms/call',
    'RSS / anon idle',
    'RSS / anon after mixed (calls)',
    'cgroup peak',
    'mixed p50',
    '1,000-disk p50',
    'errors',
  ];
  const notes = summary.rows.flatMap((server) => [
    ...(server.status === 'measured' && server.firstError !== undefined
      ? [`  ${server.name} first error: ${server.firstError.slice(0, 160)}`]
      : []),
    ...(server.status === 'measured' && server.figures.crash !== undefined
      ? [
          `  ${server.name} crashed in ${server.figures.crashes} round(s): ${server.figures.crash.slice(0, 300)}`,
        ]
      : []),
    ...(server.status === 'not available'
      ? [`  ${server.name} not available: ${server.reason.slice(0, 300)}`]
      : []),
  ]);
  return [
    `${summary.condition.label}:`,
    table(header, summary.rows.map(callRow)),
    '(8 KB calls, one dial per call; MiB; medians of rounds; errors = 8 KB run + mixed run)',
    ...notes,
  ].join('\n');
}

export function budgetTable(verdicts: readonly BudgetVerdict[]): string {
  const mark = (met: boolean | undefined): string =>
    met === undefined ? 'n/a' : met ? 'met' : 'MISSED';
  return table(
    ['budget', 'measured', 'verdict', 'note'],
    verdicts.map((v) => [
      v.budget,
      v.measured,
      mark(v.met),
      (v.note ?? '').replace(/\s+/g, ' ').slice(0, 110),
    ]),
    4,
  );
}
