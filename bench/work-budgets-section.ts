/** The bounded-work figures (bench/work-budgets.ts) as a section of the report. */
import type { BenchContext, BenchSection, SectionReport } from './sections.js';
import { measureWorkBudgets, workBudgetTable } from './work-budgets.js';

export const workBudgetsSection: BenchSection = {
  key: 'workBudgets',
  enabled: (options) => options.servers.includes('hookpatch'),
  async run(context: BenchContext): Promise<SectionReport> {
    const figures = await measureWorkBudgets(context.root, context.wire);
    return { title: 'bounded work', text: workBudgetTable(figures), figures, verdicts: [] };
  },
};
