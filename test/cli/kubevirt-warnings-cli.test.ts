/** KubeVirt warnings on the command line: validate and apply --explain show them and pass; --strict makes them fail. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'hookpatch-warnings-'));
const RNG = join(dir, 'rng.yaml');
writeFileSync(
  RNG,
  [
    'domain:',
    '  - op: add',
    '    path: /domain/devices',
    `    value: <rng model="virtio"><backend model="random">/dev/urandom</backend><rate bytes="1024" period="1000"/></rng>`,
    '',
  ].join('\n'),
);
const CLEAN = join(dir, 'clean.yaml');
writeFileSync(
  CLEAN,
  'domain:\n  - {op: set, path: "/domain/sysinfo/system/entry[@name=\'family\']", value: x}\n',
);

test('validate on an add of <rng><rate/></rng> exits 0 with a warning naming <rate> and what to do instead', async () => {
  const run = await runCli(['validate', RNG]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^valid: 1 document in 1 file, 1 warning$/m);
  const [warning, ...rest] = run.stderr.trimEnd().split('\n');
  assert.deepEqual(rest, []);
  assert.match(
    warning ?? '',
    /^.*rng\.yaml:\d+:\d+: document rng\.yaml#0, operation 0 \(add \/domain\/devices\): warning: /,
  );
  assert.match(warning ?? '', /\brate of <rng>/);
  assert.match(warning ?? '', /set \/domain\/devices\/rng\[@model='virtio'\]\/rate\/@bytes/);
  assert.match(warning ?? '', /\[DROPPED_BY_KUBEVIRT\]$/);
});

test('validate --strict fails on the warning, and passes without one', async () => {
  const strict = await runCli(['validate', '--strict', RNG]);
  assert.equal(strict.code, 1);
  assert.equal(strict.stdout, '');
  assert.match(
    strict.stderr,
    /\[DROPPED_BY_KUBEVIRT\]\nhookpatch: 1 warning, which --strict makes errors\n$/,
  );
  const clean = await runCli(['validate', '--strict', CLEAN]);
  assert.equal(clean.code, 0, clean.stderr);
  assert.equal(clean.stderr, '');
});

test('apply --explain shows the warning under its document; apply --strict prints nothing on stdout and exits 1', async () => {
  const explained = await runCli([
    'apply',
    '--explain',
    '--patch',
    RNG,
    '--domain',
    'examples/kubevirt-domain.xml',
  ]);
  assert.equal(explained.code, 0, explained.stderr);
  assert.match(
    explained.stderr,
    /^document rng\.yaml#0: applied\n {2}domain 0 add \/domain\/devices: 1 match, done\n {2}.*warning: .*\[DROPPED_BY_KUBEVIRT\]$/m,
  );
  const quiet = await runCli(['apply', '--patch', RNG, '--domain', 'examples/kubevirt-domain.xml']);
  assert.equal(quiet.stderr, '');
  const strict = await runCli([
    'apply',
    '--strict',
    '--patch',
    RNG,
    '--domain',
    'examples/kubevirt-domain.xml',
  ]);
  assert.equal(strict.code, 1);
  assert.equal(strict.stdout, '');
  assert.match(strict.stderr, /which --strict makes errors/);
});

test('the recipes load without warnings: they write what KubeVirt drops with set, as the warnings advise', async () => {
  const run = await runCli(['validate', 'examples/recipes/']);
  assert.equal(run.code, 0, run.stderr);
  assert.doesNotMatch(run.stderr, /warning:/);
  assert.match(run.stdout, /^valid: \d+ documents in \d+ files\n$/);
});
