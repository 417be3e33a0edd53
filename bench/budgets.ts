/** A budget judged met or missed from this run's medians, or not judged when a figure is missing. */

export interface BudgetVerdict {
  readonly budget: string;
  readonly measured: string;
  /** undefined: this run could not measure it */
  readonly met: boolean | undefined;
  readonly note?: string;
}

export function verdict(
  budget: string,
  value: number | undefined,
  unit: string,
  pass: (value: number) => boolean,
  note?: string,
): BudgetVerdict {
  if (value === undefined || !Number.isFinite(value))
    return {
      budget,
      measured: 'not measured',
      met: undefined,
      ...(note === undefined ? {} : { note }),
    };
  const measured = `${value.toFixed(value < 10 ? 2 : 1)}${unit}`;
  return { budget, measured, met: pass(value), ...(note === undefined ? {} : { note }) };
}

/** `a / b` as a ratio verdict, with both figures in the note. */
export function ratioVerdict(
  budget: string,
  numerator: number | undefined,
  denominator: number | undefined,
  limit: number,
  describe: (numerator: number, denominator: number) => string,
): BudgetVerdict {
  if (numerator === undefined || denominator === undefined)
    return verdict(budget, undefined, '×', () => false);
  return verdict(
    budget,
    numerator / denominator,
    '×',
    (v) => v <= limit,
    describe(numerator, denominator),
  );
}
