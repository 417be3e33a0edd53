/** The engine in the benchmark's own process (tsx, default heap): apply time for 10, 100 and 1,000 disks, and its budgets. */
import { verdict, type BudgetVerdict } from './budgets.js';
import { measureEngineTable, type EngineRow } from './engine-table.js';
import { fixed, table } from './report-table.js';
import type { BenchContext, BenchSection, SectionReport } from './sections.js';

/** log(t2/t1) / log(size2/size1): 1 is linear, 2 quadratic. */
function growthExponent(
  small: EngineRow | undefined,
  large: EngineRow | undefined,
): number | undefined {
  if (small === undefined || large === undefined) return undefined;
  if (small.problem !== undefined || large.problem !== undefined) return undefined;
  return Math.log(large.applyMs / small.applyMs) / Math.log(large.bytes / small.bytes);
}

function engineBudgets(rows: readonly EngineRow[]): BudgetVerdict[] {
  const large = rows.find((row) => row.disks === 1000);
  return [
    verdict(
      'apply time linear in domain size (100 → 1,000 disks)',
      growthExponent(
        rows.find((row) => row.disks === 100),
        large,
      ),
      ' (exponent)',
      (v) => v <= 1.25,
      'time ∝ size^exponent; ≤ 1.25 counts as linear',
    ),
    verdict(
      '1,000 disks, 10 operations ≤ 100 ms (engine in process)',
      large?.problem === undefined ? large?.applyMs : undefined,
      ' ms',
      (v) => v <= 100,
    ),
  ];
}

function engineTable(rows: readonly EngineRow[]): string {
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

export const engineSection: BenchSection = {
  key: 'engine',
  enabled: (options) => options.engine,
  run(context: BenchContext): Promise<SectionReport> {
    const rows = measureEngineTable(
      context.template,
      [10, 100, 1000],
      context.options.engineIterations,
    );
    return Promise.resolve({
      title: 'engine in process (applyDomain, 10 operations by alias)',
      text: engineTable(rows),
      figures: rows,
      verdicts: engineBudgets(rows),
    });
  },
};
