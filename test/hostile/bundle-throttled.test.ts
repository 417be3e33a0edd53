/**
 * The heaviest hostile families at KubeVirt's 200m CPU (64M memory), where every second of CPU
 * takes five of wall time: an answer or a clear error inside virt-launcher's minute, Info
 * answered within virt-launcher's 1 s meanwhile, and the server alive afterwards. Only these few
 * run throttled; the rest is bundle-families.test.ts.
 */
import assert from 'node:assert/strict';
import { cpus, loadavg } from 'node:os';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { answeredClearly, normalCallSucceeds, send, watchInfo } from './bundle-catalogue.js';
import { startBundle } from './bundle-server.js';
import { FAMILIES } from './hostile-families.js';

const SERVER_PATCH = fileURLToPath(
  new URL('../fixtures/hostile/server-patch.yaml', import.meta.url),
);
/** How much a machine loaded past its cores stretches wall time (as in bundle-families.test.ts). */
const LOAD_STRETCH = Math.max(1, (loadavg()[0] ?? 0) / cpus().length);
/** virt-launcher's deadline for OnDefineDomain. */
const CASE_BOUND_MS = 60_000 * LOAD_STRETCH;
/** virt-launcher's deadline for Info: the engine's slices leave the server free to answer within it. */
const INFO_BOUND_MS = 1000 * LOAD_STRETCH;
/** Info asked this often during a case, so a long slice cannot fall between two asks. */
const INFO_EVERY_MS = 100;

describe('the heaviest hostile families at 200m CPU', () => {
  test('each heavy family at 1× and 2×', async (t) => {
    const server = await startBundle(t, ['--patch', SERVER_PATCH], {
      cpu: true,
      name: 'throttled',
    });
    if (server.cgroup?.cpuLimited !== true) {
      // only the quota makes this test differ from bundle-families.test.ts
      t.diagnostic(`not throttled: ${server.why ?? 'no CPU quota'}`);
      return;
    }
    const seen: string[] = [];
    for (const family of FAMILIES.filter((candidate) => candidate.heavy === true)) {
      for (const scale of [1, 2]) {
        await t.test(`${family.name} ×${scale}`, async () => {
          const info = watchInfo(server.socket, INFO_EVERY_MS);
          const started = performance.now();
          const answers: string[] = [];
          for (const request of family.make(scale))
            answers.push(answeredClearly(await send(server.socket, request, 90_000)));
          const ms = performance.now() - started;
          const slowestInfo = await info.stop();
          seen.push(
            `${family.name} ×${scale}: ${answers.join('/')} ${Math.round(ms)} ms, Info ≤ ${Math.round(slowestInfo)} ms`,
          );
          assert.ok(ms < CASE_BOUND_MS, `took ${Math.round(ms)} ms`);
          assert.ok(Number.isFinite(slowestInfo), 'Info failed during the call');
          assert.ok(
            slowestInfo < INFO_BOUND_MS,
            `Info took ${Math.round(slowestInfo)} ms (bound ${Math.round(INFO_BOUND_MS)} ms)`,
          );
          assert.equal(server.exitCode(), null, 'the server is alive');
          await normalCallSucceeds(server.socket, /hostile-tests/);
        });
      }
    }
    t.diagnostic(seen.join('\n'));
    assert.equal(server.cgroup.oomKills() ?? 0, 0, 'no OOM kill in the cgroup');
    assert.equal(await server.stop(), 0);
  });
});
