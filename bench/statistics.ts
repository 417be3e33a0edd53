/** Medians and percentiles of measured samples (nearest-rank, so every figure is one that was measured). */

export function percentile(samples: readonly number[], fraction: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(fraction * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

/** The median of the finite samples (rounds that could not measure a figure give NaN and are left out). */
export function median(samples: readonly number[]): number {
  const finite = samples.filter((sample) => Number.isFinite(sample));
  if (finite.length === 0) return Number.NaN;
  const sorted = [...finite].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
}

/** The median of one numeric field over rounds. */
export function medianOf<T>(rounds: readonly T[], field: (round: T) => number): number {
  return median(rounds.map(field));
}
