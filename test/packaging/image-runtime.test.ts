/** The image's runtime as read from the Dockerfile, and the sidecar cgroup the built server is run in. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  imageCommand,
  imageNodeMajor,
  parseImageRuntime,
  readImageRuntime,
} from '../../packaging/image-runtime.js';
import { SIDECAR_MEMORY_BYTES, sidecarCgroup } from '../../packaging/sidecar-cgroup.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('the final stage is read: ENTRYPOINT flags, ENV (quoted, continued), WORKDIR and CMD', () => {
  const runtime = parseImageRuntime(`FROM node AS build
ENV IGNORED=1
ENTRYPOINT ["node", "--wrong"]
FROM node AS runtime
# a comment
ENV A=1 \\
    B="two words"
WORKDIR /app
ENTRYPOINT ["node", "--max-old-space-size=24", "--no-sparkplug", "dist/cli/main.js"]
CMD ["serve"]
`);
  assert.deepEqual(runtime, {
    base: 'node',
    nodeFlags: ['--max-old-space-size=24', '--no-sparkplug'],
    env: { A: '1', B: 'two words' },
    script: '/app/dist/cli/main.js',
    workdir: '/app',
    cmd: ['serve'],
  });
  const command = imageCommand(runtime, '/repo', '/usr/bin/node', {
    PATH: '/bin',
    NODE_OPTIONS: '--inspect',
    NODE_EXTRA_CA_CERTS: '/ca',
  });
  assert.deepEqual(command, {
    command: '/usr/bin/node',
    args: ['--max-old-space-size=24', '--no-sparkplug', '/repo/dist/cli/main.js'],
    env: { PATH: '/bin', A: '1', B: 'two words' },
  });
});

test("the repository's Dockerfile runs node on the bundle with a heap limit and serve", () => {
  const runtime = readImageRuntime(root);
  assert.equal(imageNodeMajor(runtime), 22);
  assert.ok(runtime.nodeFlags.some((flag) => flag.startsWith('--max-old-space-size=')));
  assert.equal(runtime.script, '/app/dist/cli/hookpatch.cjs');
  assert.deepEqual(runtime.cmd, ['serve']);
});

test('a command wrapped by the sidecar cgroup runs inside it, under the 64M limit', (t) => {
  const made = sidecarCgroup(`hookpatch-test-${process.pid}`, { cpu: true });
  if (!made.ok) {
    // CI runs as root with a writable cgroup fs; elsewhere say why, and fail where it must hold
    assert.ok(process.getuid?.() !== 0, `root but no sidecar cgroup: ${made.reason}`);
    t.diagnostic(`not run inside a cgroup: ${made.reason}`);
    return;
  }
  t.after(() => made.cgroup.remove());
  const { command, args } = made.cgroup.wrap('cat', ['/proc/self/cgroup']);
  const run = spawnSync(command, args, { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, new RegExp(`/${made.cgroup.name}$`, 'm'));
  const limit =
    made.cgroup.version === 'v1'
      ? '/sys/fs/cgroup/memory/' + made.cgroup.name + '/memory.limit_in_bytes'
      : '/sys/fs/cgroup/' + made.cgroup.name + '/memory.max';
  assert.equal(
    Number(spawnSync('cat', [limit], { encoding: 'utf8' }).stdout),
    SIDECAR_MEMORY_BYTES,
  );
});

test("the sidecar cgroup accounts its processes' CPU time", (t) => {
  const made = sidecarCgroup(`hookpatch-test-cpu-${process.pid}`, { cpu: false });
  if (!made.ok) {
    assert.ok(process.getuid?.() !== 0, `root but no sidecar cgroup: ${made.reason}`);
    t.diagnostic(`not run inside a cgroup: ${made.reason}`);
    return;
  }
  t.after(() => made.cgroup.remove());
  const busy = `let i = 0; const end = Date.now() + 50; while (Date.now() < end) i += 1;`;
  const { command, args } = made.cgroup.wrap(process.execPath, ['-e', busy]);
  assert.equal(spawnSync(command, args).status, 0);
  const used = made.cgroup.cpuMs();
  assert.ok(used !== undefined && used >= 40, `cpu ${used} ms`);
});
