/**
 * Work that pauses between bounded pieces (an operation, a parse, an allow path), so the edge can
 * answer other calls between them: the engine stays synchronous and pure, the edge decides when
 * to go on (src/hook/drive-steps.ts); the command line runs every piece at once.
 */
import { runMetered, type Meter, type WorkAborted } from './meter.js';

/** A generator that yields nothing but a chance to pause, and returns its result. */
export type Steps<T> = Generator<void, T, undefined>;

/** Every step at once: where nothing else waits (the command line, tests). */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done === true) return next.value;
  }
}

/**
 * Each of `steps`' pieces under `meter`, so the meter of the call is the active one whatever ran
 * between two pieces; an abort that no piece turned into its own error ends the steps with
 * `aborted`'s result (the call's error).
 */
export function* meteredSteps<T>(
  meter: Meter,
  steps: Steps<T>,
  aborted: (abort: WorkAborted) => T,
): Steps<T> {
  for (;;) {
    const next = runMetered(meter, () => steps.next());
    if (!next.ok) return aborted(next.aborted);
    if (next.value.done === true) return next.value.value;
    yield;
  }
}
