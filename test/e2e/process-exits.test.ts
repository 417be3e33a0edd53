/** Every way the process ends leaves no socket file: bad flags, an unusable socket directory, a crashed run. */
import assert from 'node:assert/strict';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { status } from '@grpc/grpc-js';
import { DOMAIN, VMI } from './fixtures.js';
import { socketOf, startHook, tempDir } from './hook-process.js';
import { call } from './virt-launcher-client.js';

async function socketFiles(dir: string): Promise<readonly string[]> {
  return (await readdir(dir).catch(() => [])).filter((name) => name.endsWith('.sock'));
}

const failedStarts = [
  { name: 'an unknown flag', args: ['--bogus'], exit: 2 },
  { name: 'an unknown version', args: ['--version', 'v1beta1'], exit: 2 },
  { name: 'a socket directory under a file', args: ['--socket-dir', '{tmp}/file/hooks'], exit: 1 },
];

describe('process exits', { concurrency: true }, () => {
  for (const row of failedStarts) {
    test(`a failed start (${row.name}) exits ${row.exit} and leaves no socket`, async (t) => {
      const tmp = await tempDir();
      await writeFile(join(tmp, 'file'), '');
      const hook = await startHook(t, row.args, { tmp });
      assert.equal(await hook.exited, row.exit);
      assert.deepEqual(await socketFiles(hook.socketDir), []);
    });
  }

  test('a stale socket of a killed run is removed by the next run', async (t) => {
    const tmp = await tempDir();
    const crashed = await startHook(t, [], { tmp });
    const stale = await socketOf(crashed);
    crashed.child.kill('SIGKILL');
    await crashed.exited;
    assert.deepEqual(await socketFiles(crashed.socketDir), [
      stale.slice(crashed.socketDir.length + 1),
    ]);

    const next = await startHook(t, ['--max-receive-bytes', '4096'], { tmp });
    const socket = await socketOf(next, stale);
    assert.ok((await call(socket, 'kubevirt.hooks.info.Info', 'Info', {}, 1000)).ok);
    // The 7.7 KB domain is over this run's receive limit.
    const tooLarge = await call(socket, 'kubevirt.hooks.v1alpha3.Callbacks', 'OnDefineDomain', {
      domainXML: DOMAIN,
      vmi: VMI,
    });
    assert.ok(!tooLarge.ok);
    assert.equal(tooLarge.error.code, status.RESOURCE_EXHAUSTED);
    next.child.kill('SIGTERM');
    assert.equal(await next.exited, 0);
    assert.deepEqual(await socketFiles(next.socketDir), []);
  });
});
