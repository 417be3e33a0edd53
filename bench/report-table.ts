/** The printed report: the server table, the engine table and the budget verdicts, as aligned text. */
import type { BudgetVerdict } from './budgets.js';
import type { EngineRow } from './engine-table.js';
import type { ServerSummary } from './server-summary.js';

/** Columns before `leftColumns` are text (left-aligned), the rest numbers (right-aligned). */
function table(
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

function fixed(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '—';
}

function serverRow(server: ServerSummary): string[] {
  if (server.status === 'not available') return [server.name, 'not available (see below)'];
  const f = server.figures;
  return [
    server.name,
    fixed(f.p50Ms, 2),
    fixed(f.p99Ms, 2),
    fixed(f.callsPerSecond, 0),
    fixed(f.cpuMsPerCall, 2),
    fixed(f.idleRssMiB),
    fixed(f.idleAnonMiB),
    `${fixed(f.afterRssMiB)} / ${fixed(f.afterAnonMiB)} (${f.mixedCalls})`,
    fixed(f.mixedP50Ms, 2),
    fixed(f.largeP50Ms, 1),
    fixed(f.coldStartMs, 0),
    `${f.errors}+${f.mixedErrors}`,
  ];
}

export function serverTable(servers: readonly ServerSummary[]): string {
  const header = [
    'server',
    'p50 ms',
    'p99 ms',
    'calls/s',
    'CPU ms/call',
    'RSS idle',
    'anon idle',
    'RSS / anon after mixed (calls)',
    'mixed p50',
    '1,000-disk p50',
    'cold ms',
    'errors',
  ];
  const notes = servers.flatMap((server) => [
    `  ${server.name}: ${server.description}`,
    ...(server.status === 'measured' && server.firstError !== undefined
      ? [`    first error: ${server.firstError.slice(0, 160)}`]
      : []),
    ...(server.status === 'measured' && server.figures.crash !== undefined
      ? [`    crashed in ${server.figures.crashes} round(s): ${server.figures.crash.slice(0, 300)}`]
      : []),
    ...(server.status === 'not available'
      ? [`    not available: ${server.reason.slice(0, 300)}`]
      : []),
  ]);
  return `${table(header, servers.map(serverRow))}\n(MiB; medians of rounds; errors = 8 KB run + mixed run)\n${notes.join('\n')}`;
}

export function engineTable(rows: readonly EngineRow[]): string {
  const header = [
    'disks',
    'KB',
    'load ms',
    'parse ms',
    'serialize ms',
    'apply ms (end to end)',
    'operations ms',
    'matched',
    'problem',
  ];
  return table(
    header,
    rows.map((row) => [
      String(row.disks),
      fixed(row.bytes / 1024, 0),
      fixed(row.loadMs, 1),
      fixed(row.parseMs, 2),
      fixed(row.serializeMs, 2),
      row.problem === undefined ? fixed(row.applyMs, 2) : '—',
      row.problem === undefined ? fixed(row.operationsMs, 2) : '—',
      `${row.matched}/10`,
      row.problem ?? '',
    ]),
    0,
  );
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
      (v.note ?? '').replace(/\s+/g, ' ').slice(0, 100),
    ]),
    4,
  );
}
