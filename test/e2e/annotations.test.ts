/** The `hookpatch.io/patch` annotation as the only source, 32 concurrent VMIs, and the switches that turn it off. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { status } from '@grpc/grpc-js';
import { baseBoardEntry, baseBoardPatch, DOMAIN, vmiWith, writePatch } from './fixtures.js';
import { socketOf, startHook, tempDir } from './hook-process.js';
import { bytes, call, discoverSockets } from './virt-launcher-client.js';

const CALLBACKS = 'kubevirt.hooks.v1alpha3.Callbacks';

describe('annotations', { concurrency: true }, () => {
  test('an annotation-only VMI is patched; 32 parallel calls each get their own result', async (t) => {
    const hook = await startHook(t, []);
    const socket = await socketOf(hook);
    const makers = Array.from({ length: 32 }, (_, i) => `maker-${i}`);
    const replies = await Promise.all(
      makers.map((maker) =>
        call(socket, CALLBACKS, 'OnDefineDomain', {
          domainXML: DOMAIN,
          vmi: vmiWith(`vm-${maker}`, baseBoardPatch(maker)),
        }),
      ),
    );
    replies.forEach((reply, i) => {
      const xml = bytes(reply, 'domainXML');
      const own = makers.filter((maker) => xml.includes(baseBoardEntry(maker)));
      assert.deepEqual(own, [makers[i]]);
    });
    hook.child.kill('SIGINT');
    assert.equal(await hook.exited, 0);
  });

  for (const [flags, read] of [
    [[], false],
    [['--annotations=true'], true],
  ] as const) {
    test(`--plugin-socket ${flags.join(' ')}: the annotation is ${read ? 'read' : 'read by no socket of the process'}`, async (t) => {
      const tmp = await tempDir();
      const pluginSocket = join(tmp, 'plugin', 'hookpatch', 'hook.sock');
      const hook = await startHook(t, ['--plugin-socket', pluginSocket, ...flags], { tmp });
      const socket = await socketOf(hook);
      await discoverSockets(join(tmp, 'plugin', 'hookpatch'));
      const vmi = vmiWith('vm-plugin', baseBoardPatch('from-annotation'));
      const mutate = { domain_type: 'libvirt', domain: DOMAIN, vmi };
      const plugin = 'kubevirt.hooks.plugins.v1alpha1.DomainHookService';
      const replies = [
        bytes(await call(pluginSocket, plugin, 'MutateDomain', mutate), 'domain'),
        bytes(await call(socket, plugin, 'MutateDomain', mutate), 'domain'),
        bytes(
          await call(socket, CALLBACKS, 'OnDefineDomain', { domainXML: DOMAIN, vmi }),
          'domainXML',
        ),
      ];
      assert.deepEqual(
        replies.map((xml) => xml.includes(baseBoardEntry('from-annotation'))),
        [read, read, read],
      );
      hook.child.kill('SIGTERM');
      assert.equal(await hook.exited, 0);
    });
  }

  test('--annotations=false leaves an annotated VMI alone', async (t) => {
    const hook = await startHook(t, ['--annotations=false']);
    const socket = await socketOf(hook);
    const reply = await call(socket, CALLBACKS, 'OnDefineDomain', {
      domainXML: DOMAIN,
      vmi: vmiWith('vm', baseBoardPatch('ignored')),
    });
    assert.equal(bytes(reply, 'domainXML'), DOMAIN.toString('utf8'));
    hook.child.kill('SIGTERM');
    assert.equal(await hook.exited, 0);
  });
  test('--annotation-policy: an allowed annotation is applied, one that reaches outside is refused with POLICY_DENIED', async (t) => {
    const tmp = await tempDir();
    const policy = await writePatch(
      tmp,
      'policy.yaml',
      'allow:\n  domain: [/domain/sysinfo]\nlimits: {documents: 1}\n',
    );
    const hook = await startHook(t, ['--annotation-policy', policy], { tmp });
    const socket = await socketOf(hook);
    const allowed = await call(socket, CALLBACKS, 'OnDefineDomain', {
      domainXML: DOMAIN,
      vmi: vmiWith('vm-ok', baseBoardPatch('allowed')),
    });
    assert.ok(bytes(allowed, 'domainXML').includes(baseBoardEntry('allowed')));
    const outside =
      'domain:\n  - op: add\n    path: /domain/devices\n    value: <shmem name="x"/>\n';
    const refused = await call(socket, CALLBACKS, 'OnDefineDomain', {
      domainXML: DOMAIN,
      vmi: vmiWith('vm-refused', outside),
    });
    assert.ok(!refused.ok);
    assert.equal(refused.error.code, status.FAILED_PRECONDITION);
    // located at the operation that reached outside: the annotation's line 2, operation 0
    assert.ok(
      refused.error.details.startsWith(
        'annotation:hookpatch.io/patch:2:5: document annotation:hookpatch.io/patch#0, operation 0 ',
      ),
      refused.error.details,
    );
    assert.ok(refused.error.details.endsWith('[POLICY_DENIED]'), refused.error.details);
    hook.child.kill('SIGTERM');
    assert.equal(await hook.exited, 0);
  });
});
