/** Arbitrary request bytes over a real socket never crash the server (the bad-input catalogue itself runs against the bundle: bundle-families.test.ts). */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { status } from '@grpc/grpc-js';
import fc from 'fast-check';
import { bytes, call } from '../e2e/virt-launcher-client.js';
import { DOMAIN, NO_CLOUD, VMI, vmiWith } from '../e2e/fixtures.js';
import { socketOf, startHook } from '../e2e/hook-process.js';

const SERVER_PATCH = fileURLToPath(
  new URL('../fixtures/hostile/server-patch.yaml', import.meta.url),
);
const CALLBACKS = 'kubevirt.hooks.v1alpha3.Callbacks';
describe('bad-input catalogue, over the socket', () => {
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
