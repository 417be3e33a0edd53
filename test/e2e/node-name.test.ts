/** CEL's `node.name` is the sidecar's NODE_NAME, over a real socket (legacy OnDefineDomain and the plugin API) and in `hookpatch apply`. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../cli/run-cli.js';
import { baseBoardEntry, DOMAIN, VMI, writePatch } from './fixtures.js';
import { socketOf, startHook, tempDir } from './hook-process.js';
import { bytes, call, discoverSockets } from './virt-launcher-client.js';

/** One operation that only node n1 applies. */
const ON_N1 = [
  'domain:',
  '  - op: add',
  `    when: "node.name == 'n1'"`,
  '    path: /domain/sysinfo/baseBoard',
  `    value: ${baseBoardEntry('n1-pool')}`,
  '',
].join('\n');

const rows = [
  { env: { NODE_NAME: 'n1' }, applied: true },
  { env: { NODE_NAME: 'n2' }, applied: false },
  { env: { NODE_NAME: undefined }, applied: false },
] as const;

for (const row of rows) {
  const what = `NODE_NAME=${row.env.NODE_NAME ?? '(unset)'}`;

  test(`serve with ${what}: the operation ${row.applied ? 'applies' : 'is skipped'} on both sockets`, async (t) => {
    const tmp = await tempDir();
    const patch = await writePatch(tmp, 'node.yaml', ON_N1);
    const plugin = join(tmp, 'kubevirt-plugin', 'hookpatch', 'hook.sock');
    const hook = await startHook(t, ['--patch', patch, '--plugin-socket', plugin], {
      tmp,
      env: row.env,
    });
    const legacy = await socketOf(hook);
    await discoverSockets(join(tmp, 'kubevirt-plugin', 'hookpatch'));
    const defined = await call(legacy, 'kubevirt.hooks.v1alpha3.Callbacks', 'OnDefineDomain', {
      domainXML: DOMAIN,
      vmi: VMI,
    });
    const mutated = await call(
      plugin,
      'kubevirt.hooks.plugins.v1alpha1.DomainHookService',
      'MutateDomain',
      {
        domain_type: 'libvirt',
        domain: DOMAIN,
        vmi: VMI,
      },
    );
    assert.equal(bytes(defined, 'domainXML').includes(baseBoardEntry('n1-pool')), row.applied);
    assert.equal(bytes(mutated, 'domain').includes(baseBoardEntry('n1-pool')), row.applied);
  });

  test(`apply with ${what}: the operation ${row.applied ? 'applies' : 'is skipped'}`, async () => {
    const tmp = await tempDir();
    const patch = await writePatch(tmp, 'node.yaml', ON_N1);
    const env = { ...process.env };
    delete env['NODE_NAME'];
    const run = await runCli(
      ['apply', '--patch', patch, '--domain', '-'],
      DOMAIN.toString('utf8'),
      {
        ...env,
        ...row.env,
      },
    );
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout.includes(baseBoardEntry('n1-pool')), row.applied);
  });
}
