/** The bad-input catalogue over a real socket, all through one server: each call fails with its status and code, and a good call succeeds right after. */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { status } from '@grpc/grpc-js';
import fc from 'fast-check';
import { bytes, call, type Reply } from '../e2e/virt-launcher-client.js';
import { CLOUD_INIT_DATA, DOMAIN, NO_CLOUD, VMI, vmiWith } from '../e2e/fixtures.js';
import { socketOf, startHook, logRecords } from '../e2e/hook-process.js';
import { hostileCases, type HostileCase } from './hostile-cases.js';
import { rssMiB } from './server-rss.js';

const SERVER_PATCH = fileURLToPath(
  new URL('../fixtures/hostile/server-patch.yaml', import.meta.url),
);
const CALLBACKS = 'kubevirt.hooks.v1alpha3.Callbacks';
/** A hang detector, not a benchmark. */
const BOUND_MS = 5000;
/**
 * Generous: the server sits near 100 MiB after its first calls under the test runner's tsx loader (the bundled image far less);
 * the bound catches a catalogue row that keeps its input alive or expands it.
 */
const RSS_BOUND_MIB = 250;

function vmiBytes(row: HostileCase): Buffer {
  if (row.input.vmiBytes !== undefined) return row.input.vmiBytes;
  const vmi: { metadata: { annotations: Record<string, string> }; spec: Record<string, unknown> } =
    JSON.parse(VMI.toString('utf8'));
  if (row.input.patch !== undefined)
    vmi.metadata.annotations['hookpatch.io/patch'] = row.input.patch;
  if (row.input.vmiSpec !== undefined)
    vmi.spec = { ...vmi.spec, ...(row.input.vmiSpec as Record<string, unknown>) };
  return Buffer.from(JSON.stringify(vmi));
}

function send(socket: string, row: HostileCase): Promise<Reply> {
  if (row.hook === 'PreCloudInitIso') {
    return call(socket, CALLBACKS, 'PreCloudInitIso', {
      cloudInitData: row.input.cloudInitData ?? CLOUD_INIT_DATA,
      cloudInitNoCloudSource: NO_CLOUD,
      vmi: vmiBytes(row),
    });
  }
  return call(socket, CALLBACKS, 'OnDefineDomain', {
    domainXML: row.input.domain ?? DOMAIN,
    vmi: vmiBytes(row),
  });
}

describe('bad-input catalogue, over the socket', () => {
  test('one server answers every row with its status and code, then serves a good call', async (t) => {
    const hook = await startHook(t, ['--patch', SERVER_PATCH]);
    const socket = await socketOf(hook);
    const pid = hook.child.pid ?? 0;
    const timings: string[] = [];
    for (const row of hostileCases()) {
      await t.test(row.name, async () => {
        const started = performance.now();
        const reply = await send(socket, row);
        const ms = performance.now() - started;
        timings.push(`${row.name}: ${Math.round(ms)} ms ${(await rssMiB(pid)).toFixed(0)}MiB`);
        assert.ok(!reply.ok, 'the call must fail');
        assert.equal(reply.error.code, row.status, reply.error.details);
        if (row.code !== undefined)
          assert.match(reply.error.details, new RegExp(`\\[${row.code}\\]`));
        assert.ok(ms < BOUND_MS, `took ${Math.round(ms)} ms`);
        const good = await call(socket, CALLBACKS, 'OnDefineDomain', {
          domainXML: DOMAIN,
          vmi: vmiWith('after-bad-input'),
        });
        assert.match(bytes(good, 'domainXML'), /hostile-tests/);
      });
    }
    const rss = await rssMiB(pid);
    t.diagnostic(`server RSS after the catalogue: ${rss.toFixed(1)} MiB; ${timings.join('; ')}`);
    assert.ok(rss < RSS_BOUND_MIB, `RSS ${rss.toFixed(1)} MiB`);
    assert.equal(hook.child.exitCode, null, 'the server is still running');
    assert.deepEqual(
      logRecords(hook).filter((record) =>
        String(record.msg ?? record.message ?? '').includes('crashed'),
      ),
      [],
    );
    hook.child.kill('SIGTERM');
    assert.equal(await hook.exited, 0);
  });

  test('arbitrary request bytes never crash the server: every call is answered, never INTERNAL', async (t) => {
    const hook = await startHook(t, ['--patch', SERVER_PATCH]);
    const socket = await socketOf(hook);
    const text = fc.oneof(
      fc.string(),
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc.constantFrom(DOMAIN.toString('utf8'), VMI.toString('utf8')),
    );
    const body = fc.oneof(
      text.map((value) => Buffer.from(value, 'utf8')),
      fc.uint8Array({ maxLength: 64 }).map((array) => Buffer.from(array)),
    );
    const requests = fc.sample(fc.tuple(fc.boolean(), body, body), {
      numRuns: 150,
      seed: 20261122,
    });
    for (const [cloudInit, input, vmi] of requests) {
      const reply = cloudInit
        ? await call(socket, CALLBACKS, 'PreCloudInitIso', {
            cloudInitData: input,
            cloudInitNoCloudSource: NO_CLOUD,
            vmi,
          })
        : await call(socket, CALLBACKS, 'OnDefineDomain', { domainXML: input, vmi });
      if (!reply.ok)
        assert.ok(
          reply.error.code === status.INVALID_ARGUMENT ||
            reply.error.code === status.FAILED_PRECONDITION,
          `${reply.error.code}: ${reply.error.details}`,
        );
    }
    assert.match(
      bytes(
        await call(socket, CALLBACKS, 'OnDefineDomain', {
          domainXML: DOMAIN,
          vmi: vmiWith('after-fuzz'),
        }),
        'domainXML',
      ),
      /hostile-tests/,
    );
    assert.equal(hook.child.exitCode, null);
    hook.child.kill('SIGTERM');
    assert.equal(await hook.exited, 0);
  });
});
