/** `hookpatch serve` flags: defaults, the annotation switches per socket, and the values it refuses (exit 2). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseServeFlags } from '../../src/cli/serve-flags.js';

const settingsOf = (argv: readonly string[], env: NodeJS.ProcessEnv = {}) => {
  const parsed = parseServeFlags(argv, env, 4242);
  if (parsed.ok !== true) throw new Error(`expected settings for ${argv.join(' ')}`);
  return parsed.settings;
};

test('defaults: every version, the KubeVirt socket directory, annotations read', () => {
  const settings = settingsOf([]);
  assert.deepEqual(settings.versions, ['v1alpha3', 'v1alpha2', 'v1alpha1']);
  assert.equal(settings.socketDir, '/var/run/kubevirt-hooks');
  assert.equal(settings.name, 'hookpatch');
  assert.equal(settings.annotations, true);
  assert.equal(settings.maxReceiveBytes, 4 * 1024 * 1024);
  assert.equal(settings.socketOwner, '4242');
  assert.equal(settingsOf([], { CONTAINER_NAME: 'hook-sidecar-1' }).socketOwner, 'hook-sidecar-1');
});

const rows: ReadonlyArray<[readonly string[], Partial<ReturnType<typeof settingsOf>>]> = [
  [['--annotations'], { annotations: true }],
  [['--annotations=true'], { annotations: true }],
  [['--annotations=false'], { annotations: false }],
  [['--plugin-socket', '/var/run/kubevirt-plugin/p/s.sock'], { annotations: false }],
  [
    ['--plugin-socket', '/var/run/kubevirt-plugin/p/s.sock', '--annotations'],
    { annotations: true },
  ],
  [
    ['--plugin-socket', '/var/run/kubevirt-plugin/p/s.sock', '--annotations=false'],
    { annotations: false },
  ],
  [['--version', 'v1alpha2'], { versions: ['v1alpha2'] }],
  [['--patch', 'a.yaml', '--patch', 'dir'], { patchPaths: ['a.yaml', 'dir'] }],
  [['--max-receive-bytes', '1024'], { maxReceiveBytes: 1024 }],
  [
    ['--plugin-socket', '/var/run/kubevirt-plugin/p/s.sock', '--name', 'mine', '--cloud-init'],
    { pluginSocket: '/var/run/kubevirt-plugin/p/s.sock', name: 'mine', cloudInit: true },
  ],
];

for (const [argv, expected] of rows) {
  test(`serve ${argv.join(' ')}`, () => {
    const actual = new Map(Object.entries(settingsOf(argv)));
    for (const [key, value] of Object.entries(expected))
      assert.deepEqual(actual.get(key), value, key);
  });
}

const refused: ReadonlyArray<readonly string[]> = [
  ['--annotations=maybe'],
  ['--version', 'v2'],
  ['--max-receive-bytes', '0'],
  ['--max-receive-bytes', 'lots'],
  ['--bogus'],
  ['extra'],
];

for (const argv of refused) {
  test(`serve ${argv.join(' ')} is a usage error`, () =>
    assert.equal(parseServeFlags(argv, {}, 1).ok, false));
}

test('--help is not an error', () => assert.equal(parseServeFlags(['--help'], {}, 1).ok, 'help'));
