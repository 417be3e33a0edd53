/** `hookpatch call` against a real `hookpatch serve`: each action, its output and exit status, and the usage errors. */
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { socketOf, startHook, tempDir } from '../e2e/hook-process.js';
import { baseBoardEntry, baseBoardPatch, CLOUD_INIT_PATCH } from '../e2e/fixtures.js';
import { runCli } from './run-cli.js';

const DOMAIN = 'test/fixtures/calls/domain_x86_64.tabs.xml';
const VMI = 'test/fixtures/calls/vmi.json';
const CLOUD_INIT = 'test/fixtures/calls/cloudinitdata.json';

test('call: info, define (XML and diff), mutate with a context, cloud-init, then shutdown stops the server', async (t) => {
  const tmp = await tempDir();
  await writeFile(join(tmp, 'board.yaml'), baseBoardPatch('Call Co'));
  await writeFile(join(tmp, 'cloud.yaml'), CLOUD_INIT_PATCH);
  const hook = await startHook(
    t,
    ['--patch', join(tmp, 'board.yaml'), '--patch', join(tmp, 'cloud.yaml')],
    { tmp },
  );
  const socket = await socketOf(hook);

  const info = await runCli(['call', '--socket', socket, 'info']);
  assert.equal(info.code, 0, info.stderr);
  assert.match(
    info.stdout,
    /^name: hookpatch\nversions: v1alpha3, v1alpha2, v1alpha1\nhookPoints: .*OnDefineDomain/,
  );
  assert.match(info.stdout, /PreCloudInitIso/);

  // --socket may name the directory that holds the one socket, as a sidecar sees /var/run/kubevirt-hooks.
  const define = await runCli([
    'call',
    '--socket',
    hook.socketDir,
    'define',
    '--domain',
    DOMAIN,
    '--vmi',
    VMI,
  ]);
  assert.equal(define.code, 0, define.stderr);
  assert.ok(define.stdout.startsWith('<domain'), define.stdout.slice(0, 80));
  assert.ok(define.stdout.includes(baseBoardEntry('Call Co')));

  const diff = await runCli([
    'call',
    '--socket',
    socket,
    '--version',
    'v1alpha1',
    'define',
    '--domain',
    DOMAIN,
    '--vmi',
    VMI,
    '--diff',
  ]);
  assert.equal(diff.code, 0, diff.stderr);
  assert.match(diff.stdout, /^--- a\/.*\n\+\+\+ b\/.*\n@@ /);
  assert.ok(
    diff.stdout
      .split('\n')
      .some((line) => line.startsWith('+') && line.includes(baseBoardEntry('Call Co'))),
  );

  const mutate = await runCli([
    'call',
    '--socket',
    socket,
    'mutate',
    '--domain',
    DOMAIN,
    '--vmi',
    VMI,
    '--context',
    'MigrationTarget',
  ]);
  assert.equal(mutate.code, 0, mutate.stderr);
  assert.ok(mutate.stdout.includes(baseBoardEntry('Call Co')));

  const cloudInit = await runCli([
    'call',
    '--socket',
    socket,
    'cloud-init',
    '--cloud-init',
    CLOUD_INIT,
    '--vmi',
    VMI,
  ]);
  assert.equal(cloudInit.code, 0, cloudInit.stderr);
  assert.ok(JSON.parse(cloudInit.stdout).UserData.includes('ops@example.com'));

  const shutdown = await runCli(['call', '--socket', socket, 'shutdown']);
  assert.equal(shutdown.code, 0, shutdown.stderr);
  assert.equal(await hook.exited, 0);
});

test('call: a failing call exits 1 and names the gRPC status; a version Info does not list exits 1', async (t) => {
  const tmp = await tempDir();
  await writeFile(join(tmp, 'broken.yaml'), 'domain:\n  - op: frobnicate\n    path: /domain\n');
  const hook = await startHook(t, ['--patch', join(tmp, 'broken.yaml'), '--version', 'v1alpha2'], {
    tmp,
  });
  const socket = await socketOf(hook);
  const failed = await runCli([
    'call',
    '--socket',
    socket,
    'define',
    '--domain',
    DOMAIN,
    '--vmi',
    VMI,
  ]);
  assert.equal(failed.code, 1);
  assert.equal(failed.stdout, '');
  assert.match(failed.stderr, /OnDefineDomain failed: FAILED_PRECONDITION: .*\[UNKNOWN_OP\]/);
  const unlisted = await runCli([
    'call',
    '--socket',
    socket,
    '--version',
    'v1alpha3',
    'define',
    '--domain',
    DOMAIN,
  ]);
  assert.equal(unlisted.code, 1);
  assert.match(unlisted.stderr, /v1alpha2/);
  hook.child.kill('SIGTERM');
  assert.equal(await hook.exited, 0);
});

const USAGE_CASES: ReadonlyArray<{
  readonly name: string;
  readonly args: (dir: string) => string[];
}> = [
  { name: 'no action', args: (dir) => ['call', '--socket', dir] },
  { name: 'an unknown action', args: (dir) => ['call', '--socket', dir, 'frobnicate'] },
  {
    name: 'a socket path that does not exist',
    args: (dir) => ['call', '--socket', join(dir, 'missing.sock'), 'info'],
  },
  {
    name: 'a directory without a socket',
    args: (dir) => ['call', '--socket', join(dir, 'empty'), 'info'],
  },
  {
    name: 'mutate without --domain',
    args: (dir) => ['call', '--socket', join(dir, 'a.sock'), 'mutate'],
  },
];

for (const { name, args } of USAGE_CASES) {
  test(`call usage error (exit 2): ${name}`, async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'empty'));
    await writeFile(join(dir, 'a.sock'), '');
    const run = await runCli(args(dir));
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /^hookpatch: /);
  });
}
