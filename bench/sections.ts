/**
 * The benchmark's sections: each measures one thing, prints its tables, writes its figures to the
 * results file under its key and judges its budgets. `run.ts` runs them in order; a new section
 * (heap per input byte, the largest domain served, …) is one more entry in its list.
 */
import type { BudgetVerdict } from './budgets.js';
import type { Inputs } from './measure-servers.js';
import type { Condition } from './conditions.js';
import type { BenchOptions } from './options.js';
import type { ServerPaths } from './server-commands.js';
import type { HookWire } from './wire.js';

/** What every section may use: the options, the built product and how the image runs it. */
export interface BenchContext {
  readonly options: BenchOptions;
  readonly root: string;
  readonly wire: HookWire;
  readonly inputs: Inputs;
  /** the 8 KB domain the synthetic large domains are made from */
  readonly template: string;
  /** how to run the product and the comparison servers */
  readonly paths: ServerPaths;
  /** the conditions this machine allows (always the unthrottled one) */
  readonly conditions: readonly Condition[];
}

export interface SectionReport {
  readonly title: string;
  /** the section's tables and notes, printed under its title */
  readonly text: string;
  /** written to the results file under the section's key */
  readonly figures: unknown;
  readonly verdicts: readonly BudgetVerdict[];
}

export interface BenchSection {
  /** the key of its figures in the results file */
  readonly key: string;
  /** false: skipped in this run (the options say so) */
  enabled(options: BenchOptions): boolean;
  run(context: BenchContext): Promise<SectionReport>;
}
