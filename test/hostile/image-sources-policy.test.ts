/**
 * Patch sources that are not patch files, and annotation policies on large domains, against the
 * server as the image runs it: the built bundle with the Dockerfile's node flags and ENV, inside
 * KubeVirt's 64M / 200m sidecar cgroup where this machine allows it. Each case ends with an answer
 * or a clear error, the server alive (Info answers within 1 s) and a normal call served afterwards.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, open, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { status } from '@grpc/grpc-js';
import { sidecarCgroup } from '../../packaging/sidecar-cgroup.js';
import { domainWithDisks } from '../../bench/synthetic-domain.js';
import { baseBoardEntry, baseBoardPatch, DOMAIN, vmiWith } from '../e2e/fixtures.js';
import { logRecords, socketOf, startHook, tempDir, type HookProcess } from '../e2e/hook-process.js';
import { bytes, call } from '../e2e/virt-launcher-client.js';

const CALLBACKS = 'kubevirt.hooks.v1alpha3.Callbacks';
const TEMPLATE = readFileSync(
  new URL('../../bench/fixtures/domain-8k.xml', import.meta.url),
  'utf8',
);
/** virt-launcher's deadline for a call (KUBEVIRT.md) */
const DEADLINE_MS = 60_000;
/** a case that hangs (a FIFO read blocking the server) fails instead of stalling the suite */
const CASE = { timeout: 120_000 } as const;

/** The image's server in a fresh sidecar cgroup (memory and CPU) when root can make one. */
async function imageServer(
  t: TestContext,
  args: readonly string[],
  tmp: string,
): Promise<HookProcess> {
  const made = sidecarCgroup(
    `hookpatch-policy-${process.pid}-${Math.random().toString(36).slice(2)}`,
    {
      cpu: true,
    },
  );
  if (!made.ok) t.diagnostic(`not inside the sidecar cgroup: ${made.reason}`);
  const hook = await startHook(t, args, {
    tmp,
    image: true,
    ...(made.ok ? { wrap: made.cgroup.wrap } : {}),
  });
  if (made.ok)
    t.after(async () => {
      if (hook.child.exitCode === null) hook.child.kill('SIGKILL');
      await hook.exited;
      assert.equal(made.cgroup.oomKills() ?? 0, 0, 'no process of the cgroup was OOM-killed');
      made.cgroup.remove();
    });
  return hook;
}

/** A log line arrives through a pipe, maybe after the reply it belongs to. */
async function logged(hook: HookProcess, wanted: (record: Record<string, unknown>) => boolean) {
  for (let waited = 0; waited < 10_000; waited += 50) {
    if (logRecords(hook).some(wanted)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

async function alive(socket: string): Promise<void> {
  const info = await call(socket, 'kubevirt.hooks.info.Info', 'Info', {}, 1000);
  assert.ok(info.ok, 'Info answers within 1 s');
}

async function define(socket: string, domain: Buffer | string, annotation?: string) {
  return call(
    socket,
    CALLBACKS,
    'OnDefineDomain',
    { domainXML: Buffer.from(domain), vmi: vmiWith('vm', annotation) },
    DEADLINE_MS,
  );
}

/** What a patch path is made into before the server starts, and the words its error must hold. */
const sources: ReadonlyArray<{
  name: string;
  make: (path: string) => Promise<unknown>;
  error: RegExp;
}> = [
  {
    name: 'a FIFO',
    make: async (path) => execFileSync('mkfifo', [path]),
    error: /a FIFO, not a regular file/,
  },
  {
    name: '/dev/zero',
    make: (path) => symlink('/dev/zero', path),
    error: /a character device, not a regular file/,
  },
  {
    name: 'a sparse 1 GB file',
    make: async (path) => {
      const handle = await open(path, 'w');
      await handle.truncate(1024 ** 3);
      await handle.close();
    },
    // the limit is what the image's heap holds (docs/serving.md § Bounded work), below 1 MiB
    error: /more than \d+ \[LIMIT_EXCEEDED\]/,
  },
];

describe(
  'patch sources that are not patch files, served by the image',
  { concurrency: true },
  () => {
    for (const source of sources) {
      test(
        `--patch ${source.name}: the server listens, logs it, and fails calls clearly until it is fixed`,
        CASE,
        async (t) => {
          const tmp = await tempDir();
          const path = join(tmp, 'patch.yaml');
          await source.make(path);
          const hook = await imageServer(t, ['--patch', path], tmp);
          const socket = await socketOf(hook);
          await alive(socket);
          const failed = await define(socket, DOMAIN);
          assert.ok(!failed.ok);
          assert.equal(failed.error.code, status.FAILED_PRECONDITION);
          assert.match(failed.error.details, source.error);
          assert.ok(
            await logged(
              hook,
              (record) => record.level === 'error' && source.error.test(String(record.error)),
            ),
            'logged at start',
          );
          await rm(path);
          await writeFile(path, baseBoardPatch('fixed'));
          assert.ok(
            bytes(await define(socket, DOMAIN), 'domainXML').includes(baseBoardEntry('fixed')),
          );
          hook.child.kill('SIGTERM');
          assert.equal(await hook.exited, 0);
        },
      );
    }

    test(
      'a patch file swapped for a link to /dev/zero, a FIFO and a dangling link appearing in a directory',
      CASE,
      async (t) => {
        const tmp = await tempDir();
        const dir = join(tmp, 'patches');
        await mkdir(dir);
        await writeFile(join(tmp, 'real.yaml'), baseBoardPatch('real'));
        await symlink(join(tmp, 'real.yaml'), join(dir, 'a.yaml'));
        const hook = await imageServer(t, ['--patch', dir], tmp);
        const socket = await socketOf(hook);
        assert.ok(
          bytes(await define(socket, DOMAIN), 'domainXML').includes(baseBoardEntry('real')),
        );
        await symlink('/dev/zero', join(dir, 'swap'));
        await rename(join(dir, 'swap'), join(dir, 'a.yaml'));
        const zero = await define(socket, DOMAIN);
        assert.ok(!zero.ok && /a character device, not a regular file/.test(zero.error.details));
        await alive(socket);
        await rm(join(dir, 'a.yaml'));
        execFileSync('mkfifo', [join(dir, 'b.yaml')]);
        const fifo = await define(socket, DOMAIN);
        assert.ok(!fifo.ok && /a FIFO, not a regular file/.test(fifo.error.details));
        await rm(join(dir, 'b.yaml'));
        await symlink(join(tmp, 'nowhere.yaml'), join(dir, 'c.yaml'));
        await writeFile(join(dir, 'd.yaml'), baseBoardPatch('after'));
        assert.ok(
          bytes(await define(socket, DOMAIN), 'domainXML').includes(baseBoardEntry('after')),
        );
        assert.ok(
          await logged(
            hook,
            (record) =>
              record.level === 'warning' &&
              String(record.note).includes('c.yaml: a symbolic link to nothing'),
          ),
          'the dangling link is logged',
        );
        hook.child.kill('SIGTERM');
        assert.equal(await hook.exited, 0);
      },
    );
  },
);

const POLICY = 'allow:\n  domain: ["/domain/sysinfo[@type=\'smbios\']", /domain/os/smbios]\n';
const adds = (count: number): string =>
  `domain:\n${Array.from({ length: count }, (_, i) => `  - op: add\n    path: /domain/sysinfo/baseBoard\n    value: <entry name="e${i}">v</entry>\n`).join('')}`;

/** The policy cases of the bounded-work report: [name, disks, annotation, allowed]. */
const policyCases: ReadonlyArray<readonly [string, number, string, boolean]> = [
  [
    'one set inside the sysinfo, 1,000 disks',
    1000,
    'domain:\n  - op: set\n    path: "/domain/sysinfo/system/entry[@name=\'serial\']"\n    value: S-1\n',
    true,
  ],
  ['64 adds inside the sysinfo, 400 disks', 400, adds(64), true],
  [
    '64 adds, the last outside, 1,000 disks',
    1000,
    `${adds(63)}  - op: add\n    path: /domain/devices\n    value: <watchdog model="i6300esb"/>\n`,
    false,
  ],
  [
    'a remove of every disk, 1,000 disks',
    1000,
    'domain:\n  - op: remove\n    path: /domain/devices/disk\n',
    false,
  ],
];

describe(
  'the annotation policy on large domains, served by the image',
  { concurrency: true },
  () => {
    for (const [name, disks, annotation, allowed] of policyCases) {
      test(
        `${name}: ${allowed ? 'patched' : 'refused'} within virt-launcher's deadline, the server alive`,
        CASE,
        async (t) => {
          const tmp = await tempDir();
          const policy = join(tmp, 'policy.yaml');
          await writeFile(policy, POLICY);
          const hook = await imageServer(t, ['--annotation-policy', policy], tmp);
          const socket = await socketOf(hook);
          const reply = await define(socket, domainWithDisks(TEMPLATE, disks), annotation);
          if (allowed) assert.ok(reply.ok, reply.ok ? '' : reply.error.details);
          else {
            assert.ok(!reply.ok);
            assert.equal(reply.error.code, status.FAILED_PRECONDITION, reply.error.details);
            assert.match(reply.error.details, /\[POLICY_DENIED\]$/);
          }
          await alive(socket);
          assert.ok(
            bytes(await define(socket, DOMAIN, baseBoardPatch('next')), 'domainXML').includes(
              baseBoardEntry('next'),
            ),
          );
          hook.child.kill('SIGTERM');
          assert.equal(await hook.exited, 0);
        },
      );
    }
  },
);
