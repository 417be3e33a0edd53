/** The steps driver (src/hook/drive-steps.ts): others run between slices, and the result is the steps' own. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runSteps, type Steps } from '../../src/engine/index.js';
import { driveSteps } from '../../src/hook/drive-steps.js';

function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

/** `count` steps of `ms` each, returning how many ran. */
function* slow(count: number, ms: number): Steps<number> {
  for (let i = 0; i < count; i += 1) {
    busy(ms);
    yield;
  }
  return count;
}

test('I/O and timers run between slices of a long call', async () => {
  let turns = 0;
  const timer = setInterval(() => (turns += 1), 1);
  const result = await driveSteps(slow(60, 1), { sliceMs: 4 });
  clearInterval(timer);
  assert.equal(result, 60);
  // 60 ms of steps in 4 ms slices leave the loop ~15 turns; a driver that never yields leaves none
  assert.ok(turns >= 5, `${turns} timer turns`);
});

test('short steps run in one slice without a turn of the loop', async () => {
  let turned = false;
  setImmediate(() => (turned = true));
  assert.equal(await driveSteps(slow(10, 0), { sliceMs: 50 }), 10);
  assert.equal(turned, false);
  assert.equal(runSteps(slow(3, 0)), 3);
});

test('a slice that began before the first step (a compile) yields before it', async () => {
  let turned = false;
  setImmediate(() => (turned = true));
  const seen: boolean[] = [];
  function* watched(): Steps<void> {
    seen.push(turned);
    yield;
  }
  await driveSteps(watched(), { sliceStart: performance.now() - 1000 });
  assert.deepEqual(seen, [true]);
});
