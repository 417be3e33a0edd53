/**
 * Runs the engine's steps (src/engine/steps.ts) on the event loop in slices: steps run until a
 * slice has taken SLICE_MS, then the loop gets a turn, so Info, the transport and a signal are
 * answered between slices however long the call (at 200m CPU a slice costs five times its time).
 */
import type { Steps } from '../engine/index.js';
import { monotonicMs } from './monotonic-ms.js';

/** Long enough that a turn of the loop (microseconds when idle) costs nothing measurable per call. */
export const SLICE_MS = 4;

const immediate = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * A turn of the event loop with its I/O: an immediate set while the loop polls runs in the same
 * turn's check phase, before any new I/O is read; the second one runs after the next poll.
 */
async function nextTurn(): Promise<void> {
  await immediate();
  await immediate();
}

export interface Slicing {
  /**
   * when the synchronous run that the first step continues began (a call's compile of its
   * annotation runs just before its first step, with no turn of the loop between them); now if absent
   */
  readonly sliceStart?: number;
  readonly sliceMs?: number;
}

export async function driveSteps<T>(steps: Steps<T>, slicing: Slicing = {}): Promise<T> {
  const sliceMs = slicing.sliceMs ?? SLICE_MS;
  let sliceEnd = (slicing.sliceStart ?? monotonicMs()) + sliceMs;
  for (;;) {
    if (monotonicMs() >= sliceEnd) {
      await nextTurn();
      sliceEnd = monotonicMs() + sliceMs;
    }
    const next = steps.next();
    if (next.done === true) return next.value;
  }
}
