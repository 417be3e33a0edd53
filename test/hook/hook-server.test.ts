/** The server's graceful stop lets a call in flight finish, and the receive limit refuses oversized requests. */
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { status } from '@grpc/grpc-js';
import { listen, stopGracefully } from '../../src/hook/hook-server.js';
import type { UnaryHandler } from '../../src/hook/unary-handler.js';
import { call } from '../e2e/virt-launcher-client.js';

test('a call in flight when the stop begins still gets its reply', async () => {
  const socket = join(await mkdtemp(join(tmpdir(), 'hookpatch-server-')), 'hookpatch-test.sock');
  let received: () => void = () => undefined;
  const inFlight = new Promise<void>((resolve) => (received = resolve));
  const slowInfo: UnaryHandler = () => {
    received();
    return new Promise((resolve) =>
      setTimeout(
        () =>
          resolve({ ok: true, message: { name: 'slow', versions: ['v1alpha3'], hookPoints: [] } }),
        200,
      ),
    );
  };
  const server = await listen(
    socket,
    [{ name: 'kubevirt.hooks.info.Info', implementation: { Info: slowInfo } }],
    { maxReceiveBytes: 1024 },
  );
  const reply = call(socket, 'kubevirt.hooks.info.Info', 'Info', {}, 5000);
  await inFlight;
  const stopped = stopGracefully(server, 5000);
  const answered = await reply;
  assert.ok(answered.ok);
  assert.equal(answered.message.name, 'slow');
  await stopped;
});

test('a request over --max-receive-bytes is refused with RESOURCE_EXHAUSTED before any handler runs', async () => {
  const socket = join(await mkdtemp(join(tmpdir(), 'hookpatch-server-')), 'hookpatch-test.sock');
  let handled = false;
  const onDefineDomain: UnaryHandler = () => {
    handled = true;
    return Promise.resolve({ ok: true, message: {} });
  };
  const server = await listen(
    socket,
    [
      {
        name: 'kubevirt.hooks.v1alpha1.Callbacks',
        implementation: { OnDefineDomain: onDefineDomain },
      },
    ],
    { maxReceiveBytes: 1024 },
  );
  const reply = await call(
    socket,
    'kubevirt.hooks.v1alpha1.Callbacks',
    'OnDefineDomain',
    { domainXML: Buffer.alloc(2048, 'x') },
    5000,
  );
  assert.ok(!reply.ok);
  assert.equal(reply.error.code, status.RESOURCE_EXHAUSTED);
  assert.equal(handled, false);
  await stopGracefully(server, 1000);
});
