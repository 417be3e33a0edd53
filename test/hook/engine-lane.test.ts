/** The engine lane (src/hook/engine-lane.ts): calls' work one at a time, in arrival order, a failure not blocking the next. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { engineLane } from '../../src/hook/engine-lane.js';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

test('work queued in the lane runs one at a time, in arrival order', async () => {
  const lane = engineLane();
  const events: string[] = [];
  let running = 0;
  const work = (name: string) => async (): Promise<string> => {
    running += 1;
    assert.equal(running, 1, `${name} overlapped another`);
    events.push(`${name} start`);
    for (let i = 0; i < 3; i += 1) await tick();
    events.push(`${name} end`);
    running -= 1;
    return name;
  };
  const results = await Promise.all(['a', 'b', 'c'].map((name) => lane.run(work(name))));
  assert.deepEqual(results, ['a', 'b', 'c']);
  assert.deepEqual(events, ['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
});

test('a failed call rejects its own promise and the next call still runs', async () => {
  const lane = engineLane();
  const failed = lane.run(() => Promise.reject(new Error('bug')));
  const next = lane.run(() => Promise.resolve('next'));
  await assert.rejects(failed, /bug/);
  assert.equal(await next, 'next');
});
