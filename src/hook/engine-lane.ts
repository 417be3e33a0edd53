/**
 * The served process's one engine lane: calls' engine work runs one call at a time, in arrival
 * order. Each call plans on 70 % of the free heap (heap-budget.ts), so two large calls must not
 * hold their DOMs at once; Info and the transport do not enter the lane and answer meanwhile.
 */

export interface EngineLane {
  /** `work` once every call queued before it has settled */
  run<T>(work: () => Promise<T>): Promise<T>;
}

export function engineLane(): EngineLane {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(work: () => Promise<T>): Promise<T> {
      const turn = tail.then(work);
      tail = turn.then(
        () => undefined,
        () => undefined,
      );
      return turn;
    },
  };
}
