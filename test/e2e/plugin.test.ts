/** The plugin API's MutateDomain on --plugin-socket: invocation contexts become the `context` of conditions. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { status } from '@grpc/grpc-js';
import { baseBoardEntry, DOMAIN, VMI, writePatch } from './fixtures.js';
import { startHook, tempDir } from './hook-process.js';
import { bytes, call, discoverSockets } from './virt-launcher-client.js';

const SERVICE = 'kubevirt.hooks.plugins.v1alpha1.DomainHookService';
const CONTEXTS = ['Boot', 'MigrationSource', 'MigrationTarget'] as const;

/** One document per context, each adding a manufacturer entry named after its context. */
const PER_CONTEXT = CONTEXTS.map((context) =>
  [
    `when: "context == '${context}'"`,
    'domain:',
    '  - op: add',
    '    path: /domain/sysinfo/baseBoard',
    `    value: <entry name="manufacturer">${context}</entry>`,
    '',
  ].join('\n'),
).join('---\n');

const rows: ReadonlyArray<{ readonly sent: string | undefined; readonly context: string }> = [
  { sent: undefined, context: 'Boot' },
  { sent: '', context: 'Boot' },
  { sent: 'Boot', context: 'Boot' },
  { sent: 'MigrationSource', context: 'MigrationSource' },
  { sent: 'MigrationTarget', context: 'MigrationTarget' },
];

test('MutateDomain per invocation context, and the requests it refuses', async (t) => {
  const tmp = await tempDir();
  const patch = await writePatch(tmp, 'contexts.yaml', PER_CONTEXT);
  const socket = join(tmp, 'kubevirt-plugin', 'hookpatch', 'domain.sock');
  const hook = await startHook(t, ['--patch', patch, '--plugin-socket', socket], { tmp });
  await discoverSockets(join(tmp, 'kubevirt-plugin', 'hookpatch'));

  for (const row of rows) {
    const request = {
      domain_type: 'libvirt',
      domain: DOMAIN,
      vmi: VMI,
      ...(row.sent === undefined ? {} : { sidecar_context: { invocation_context: row.sent } }),
    };
    const xml = bytes(await call(socket, SERVICE, 'MutateDomain', request), 'domain');
    assert.deepEqual(
      CONTEXTS.filter((context) => xml.includes(baseBoardEntry(context))),
      [row.context],
      `sent ${String(row.sent)}`,
    );
  }

  const refused = [
    { domain_type: 'qemu', domain: DOMAIN, vmi: VMI },
    {
      domain_type: 'libvirt',
      domain: DOMAIN,
      vmi: VMI,
      sidecar_context: { invocation_context: 'Reboot' },
    },
    { domain_type: 'libvirt', domain: DOMAIN, vmi: Buffer.from('{not json') },
  ];
  for (const request of refused) {
    const reply = await call(socket, SERVICE, 'MutateDomain', request);
    assert.ok(!reply.ok);
    assert.equal(reply.error.code, status.INVALID_ARGUMENT);
  }

  hook.child.kill('SIGTERM');
  assert.equal(await hook.exited, 0);
});
