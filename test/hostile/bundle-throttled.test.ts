/**
 * The heaviest hostile families at KubeVirt's 200m CPU (64M memory), where every second of CPU
 * takes five of wall time: an answer or a clear error inside virt-launcher's minute, and the
 * server alive afterwards. Only these few run throttled; the rest is bundle-families.test.ts.
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
/** virt-launcher's deadline for OnDefineDomain (stretched on a machine loaded past its cores, as in bundle-families.test.ts). */
const CASE_BOUND_MS = 60_000 * Math.max(1, (loadavg()[0] ?? 0) / cpus().length);

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
          const info = watchInfo(server.socket, 500);
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
