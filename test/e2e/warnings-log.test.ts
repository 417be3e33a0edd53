/**
 * The call log names the KubeVirt warnings of the documents a call applied, each where it applies,
 * over a real socket; the call itself succeeds.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { DOMAIN, VMI, writePatch } from './fixtures.js';
import { logRecords, socketOf, startHook, tempDir, type HookProcess } from './hook-process.js';
import { bytes, call, discoverSockets } from './virt-launcher-client.js';

const PATCHES = [
  'domain:',
  '  - op: add',
  '    path: /domain/devices',
  '    value: <rng model="virtio"><backend model="random">/dev/urandom</backend><rate bytes="1024"/></rng>',
  '---',
  'when: "false"',
  'domain:',
  '  - {op: remove, path: "/domain/devices/disk[alias/@name=\'ua-cdrom\']"}',
  '',
].join('\n');

test('OnDefineDomain logs the warnings of the applied documents, not of skipped ones', async (t) => {
  const tmp = await tempDir();
  const patch = await writePatch(tmp, 'warn.yaml', PATCHES);
  const hook = await startHook(t, ['--patch', patch], { tmp });
  const socket = await socketOf(hook);
  const reply = await call(socket, 'kubevirt.hooks.v1alpha3.Callbacks', 'OnDefineDomain', {
    domainXML: DOMAIN,
    vmi: VMI,
  });
  assert.match(bytes(reply, 'domainXML'), /<rate bytes="1024"/);
  let record: Record<string, unknown> | undefined;
  while (record === undefined) {
    record = logRecords(hook).find((line) => line['msg'] === 'OnDefineDomain patched');
    if (record === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const warnings = record['warnings'];
  assert.ok(Array.isArray(warnings) && warnings.length === 1, JSON.stringify(record));
  assert.match(
    String(warnings[0]),
    /warn\.yaml:\d+:\d+: document warn\.yaml#0, operation 0 \(add \/domain\/devices\): warning: .*\brate of <rng>.*\[DROPPED_BY_KUBEVIRT\]$/,
  );
});

/** An add KubeVirt's DomainSpec keeps only in part, and the removal of a device KubeVirt manages. */
const BOTH_KINDS = [
  'domain:',
  '  - op: add',
  '    path: /domain/devices',
  '    value: <rng model="virtio"><backend model="random">/dev/urandom</backend><rate bytes="1024"/></rng>',
  '  - {op: remove, path: "/domain/devices/disk[alias/@name=\'ua-cdrom\']"}',
  '',
].join('\n');

async function loggedWarnings(hook: HookProcess, msg: string): Promise<string[]> {
  for (;;) {
    const record = logRecords(hook).find((line) => line['msg'] === msg);
    if (record !== undefined) {
      const warnings = record['warnings'];
      return Array.isArray(warnings) ? warnings.map(String) : [];
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const codes = (warnings: readonly string[]): string[] =>
  warnings.map((warning) => /\[([A-Z_]+)\]$/.exec(warning)?.[1] ?? warning);

test('the re-marshal warning is logged on OnDefineDomain only: MutateDomain keeps the others', async (t) => {
  const tmp = await tempDir();
  const patch = await writePatch(tmp, 'both.yaml', BOTH_KINDS);
  const plugin = join(tmp, 'kubevirt-plugin', 'hookpatch', 'domain.sock');
  const hook = await startHook(t, ['--patch', patch, '--plugin-socket', plugin], { tmp });
  await discoverSockets(join(tmp, 'kubevirt-plugin', 'hookpatch'));
  const legacy = await call(
    await socketOf(hook),
    'kubevirt.hooks.v1alpha3.Callbacks',
    'OnDefineDomain',
    {
      domainXML: DOMAIN,
      vmi: VMI,
    },
  );
  assert.ok(legacy.ok, legacy.ok ? '' : legacy.error.details);
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
  assert.ok(mutated.ok, mutated.ok ? '' : mutated.error.details);
  assert.deepEqual(codes(await loggedWarnings(hook, 'OnDefineDomain patched')), [
    'DROPPED_BY_KUBEVIRT',
    'KUBEVIRT_MANAGED_DEVICE',
  ]);
  assert.deepEqual(codes(await loggedWarnings(hook, 'MutateDomain patched')), [
    'KUBEVIRT_MANAGED_DEVICE',
  ]);
});
