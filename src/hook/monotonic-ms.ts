/** Milliseconds on a monotonic clock (process.hrtime: node:perf_hooks is a dozen modules more at start). */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
