/** The call log names the KubeVirt warnings of the documents a call applied, over a real socket; the call itself succeeds. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DOMAIN, VMI, writePatch } from './fixtures.js';
import { logRecords, socketOf, startHook, tempDir } from './hook-process.js';
import { bytes, call } from './virt-launcher-client.js';

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
