/** One domain call in process: the patched bytes, the status of a failure, and the one log line it writes. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { status } from '@grpc/grpc-js';
import { grpcCode } from '../../src/hook/grpc-status.js';
import { patchDomain } from '../../src/hook/domain-call.js';
import { jsonLog } from '../../src/hook/log.js';
import { fixedSources } from './sources-double.js';

const DOMAIN = readFileSync(new URL('../fixtures/calls/domain_x86_64.tabs.xml', import.meta.url));
const VMI = readFileSync(new URL('../fixtures/calls/vmi.json', import.meta.url));
const BOOT = {
  hook: 'OnDefineDomain',
  version: 'v1alpha3',
  context: 'Boot',
  annotations: true,
} as const;

const PATCH = [
  'apiVersion: hookpatch.io/v1alpha1',
  'kind: Patch',
  'metadata:',
  '  name: maker',
  'spec:',
  '  domain:',
  '    - op: add',
  '      path: /domain/sysinfo/baseBoard',
  '      value: <entry name="manufacturer">Acme</entry>',
  '    - op: remove',
  '      path: /domain/devices/shmem',
  '',
].join('\n');

function capture(): {
  lines: Record<string, unknown>[];
  deps: (text: string) => Parameters<typeof patchDomain>[0];
} {
  const lines: Record<string, unknown>[] = [];
  const log = jsonLog((line) => lines.push(JSON.parse(line)));
  return { lines, deps: (text) => ({ sources: fixedSources(text), log }) };
}

test('a patched call returns the new XML and logs documents, operations and the VMI', async () => {
  const { lines, deps } = capture();
  const result = await patchDomain(deps(PATCH), BOOT, 'domainXML', DOMAIN, VMI);
  assert.ok(result.ok);
  assert.ok(String(result.value).includes('<entry name="manufacturer">Acme</entry>'));
  assert.equal(lines.length, 1);
  const line = lines[0] ?? {};
  assert.equal(line.component, 'hookpatch');
  assert.equal(line.level, 'info');
  assert.match(String(line.timestamp), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
  assert.deepEqual(
    [line.namespace, line.name, line.uid, line.hook, line.version, line.context],
    [
      'default',
      'vmi-with-sidecar-hook-configmap',
      '5b3f6a2e-7d41-4c8e-9a57-0c1d2e3f4a5b',
      'OnDefineDomain',
      'v1alpha3',
      'Boot',
    ],
  );
  assert.deepEqual(line.documents, { applied: ['maker'], skipped: [], ignored: [] });
  assert.deepEqual(line.operations, [
    {
      document: 'maker',
      list: 'domain',
      index: 0,
      op: 'add',
      path: '/domain/sysinfo/baseBoard',
      matches: 1,
    },
    {
      document: 'maker',
      list: 'domain',
      index: 1,
      op: 'remove',
      path: '/domain/devices/shmem',
      matches: 0,
    },
  ]);
  assert.equal(typeof line.durationMs, 'number');
});

test('no documents: the very input bytes come back', async () => {
  const { deps } = capture();
  const result = await patchDomain(deps('[]'), BOOT, 'domainXML', DOMAIN, VMI);
  assert.ok(result.ok);
  assert.equal(result.value, DOMAIN);
});

const failures: ReadonlyArray<[string, string, Buffer, Buffer, status, string]> = [
  [
    'malformed domain XML',
    PATCH,
    Buffer.from('<domain><x'),
    VMI,
    status.INVALID_ARGUMENT,
    'domainXML',
  ],
  ['a VMI that is not JSON', PATCH, DOMAIN, Buffer.from('{'), status.INVALID_ARGUMENT, 'vmi'],
  [
    'a domain nested deeper than the limit',
    PATCH,
    Buffer.from(`<domain>${'<a>'.repeat(2000)}${'</a>'.repeat(2000)}</domain>`),
    VMI,
    status.INVALID_ARGUMENT,
    'domainXML',
  ],
  [
    'an add that matches nothing',
    PATCH.replace('/domain/sysinfo/baseBoard', '/domain/nothing'),
    DOMAIN,
    VMI,
    status.FAILED_PRECONDITION,
    'test.yaml:7:',
  ],
];

for (const [name, text, domain, vmi, code, prefix] of failures) {
  test(`a failing call (${name}) gives status ${code} and logs the error`, async () => {
    const { lines, deps } = capture();
    const result = await patchDomain(deps(text), BOOT, 'domainXML', domain, vmi);
    assert.ok(!result.ok);
    assert.equal(grpcCode(result.errors), code);
    assert.equal(lines[0]?.level, 'error');
    assert.ok(String(lines[0]?.error).startsWith(prefix), String(lines[0]?.error));
  });
}

test("a document's warnings are in the call's log line, which is then a warning", async () => {
  const { lines, deps } = capture();
  const patch =
    'domain:\n  - op: add\n    path: /domain/devices\n    value: <rng model="virtio"><rate bytes="1" period="2"/></rng>\n';
  const result = await patchDomain(deps(patch), BOOT, 'domainXML', DOMAIN, VMI);
  assert.ok(result.ok);
  const [line] = lines;
  assert.equal(line?.level, 'warning');
  assert.ok(Array.isArray(line?.warnings));
  assert.match(
    String(line?.warnings?.[0]),
    /operation 0 \(add \/domain\/devices\): warning: .*\[DROPPED_BY_KUBEVIRT\]$/,
  );
});
