/** The README's first command, `npm run demo` (scripts/demo.sh): it must print the example's change as a diff and end cleanly. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { builtBundle } from '../built-bundle.js';

test('package.json runs scripts/demo.sh as npm run demo', () => {
  const manifest: unknown = JSON.parse(readFileSync('package.json', 'utf8'));
  assert.ok(typeof manifest === 'object' && manifest !== null && 'scripts' in manifest);
  assert.deepEqual(
    Object.entries(manifest.scripts ?? {}).find(([name]) => name === 'demo'),
    ['demo', 'bash scripts/demo.sh'],
  );
});

test('the demo serves the smbios example, prints the manufacturer line as an added diff line, and the server exits 0 after Shutdown', () => {
  // The script `npm run demo` runs, on the bundle built for the tests (so it never builds itself).
  const run = spawnSync('bash', ['scripts/demo.sh'], {
    encoding: 'utf8',
    env: { ...process.env, HOOKPATCH: `${process.execPath} ${builtBundle()}` },
    timeout: 60_000,
  });
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.split('\n');
  assert.ok(lines.includes('--- a/examples/kubevirt-domain.xml'), run.stdout);
  assert.ok(lines.includes('-\t\t<baseBoard></baseBoard>'), run.stdout);
  assert.ok(
    lines.includes(
      '+\t\t\t<entry name="manufacturer">Radical Edward &amp; Ein &lt;Bebop&gt;</entry>',
    ),
    run.stdout,
  );
  assert.ok(lines.includes('versions: v1alpha3, v1alpha2, v1alpha1'), run.stdout);
  assert.ok(lines.includes('Shutdown answered'), run.stdout);
  assert.ok(lines.includes('hookpatch serve exited with status 0'), run.stdout);
  assert.ok(
    lines.some((line) => line.startsWith('socket removed: 0 files left')),
    run.stdout,
  );
});
