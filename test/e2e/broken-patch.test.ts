/** A broken patch file never stops the server: calls fail with its file:line:col until it is fixed on disk. */
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { test } from 'node:test';
import { status } from '@grpc/grpc-js';
import { baseBoardEntry, baseBoardPatch, DOMAIN, VMI, writePatch } from './fixtures.js';
import { logRecords, socketOf, startHook, tempDir } from './hook-process.js';
import { bytes, call } from './virt-launcher-client.js';

/** `op: sett` on line 3, column 9 of the file: an unknown operation. */
const BROKEN = [
  '# a typo',
  'domain:',
  '  - op: sett',
  '    path: /domain/sysinfo/baseBoard',
  '    value: <entry/>',
  '',
].join('\n');

test('a broken patch file fails every call with its location, and the fixed file is used without a restart', async (t) => {
  const tmp = await tempDir();
  const path = await writePatch(tmp, 'broken.yaml', BROKEN);
  const hook = await startHook(t, ['--patch', path], { tmp });
  const socket = await socketOf(hook);

  const info = await call(socket, 'kubevirt.hooks.info.Info', 'Info', {}, 1000);
  assert.ok(info.ok, 'Info still answers');

  const failed = await call(socket, 'kubevirt.hooks.v1alpha3.Callbacks', 'OnDefineDomain', {
    domainXML: DOMAIN,
    vmi: VMI,
  });
  assert.ok(!failed.ok);
  assert.equal(failed.error.code, status.FAILED_PRECONDITION);
  assert.ok(failed.error.details.startsWith(`${path}:3:9:`), failed.error.details);
  assert.ok(failed.error.details.includes('[UNKNOWN_OP]'), failed.error.details);
  const startLog = logRecords(hook).find(
    (record) =>
      record.level === 'error' &&
      typeof record.error === 'string' &&
      record.error.startsWith(`${path}:3:9:`),
  );
  assert.ok(startLog !== undefined, 'the broken file is logged at start');

  await writeFile(path, baseBoardPatch('fixed-on-disk'));
  const fixed = await call(socket, 'kubevirt.hooks.v1alpha3.Callbacks', 'OnDefineDomain', {
    domainXML: DOMAIN,
    vmi: VMI,
  });
  assert.ok(bytes(fixed, 'domainXML').includes(baseBoardEntry('fixed-on-disk')));

  hook.child.kill('SIGTERM');
  assert.equal(await hook.exited, 0);
});
