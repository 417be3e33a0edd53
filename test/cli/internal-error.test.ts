/**
 * A bug in any offline command reaches the terminal as one line and a code, never as Node's
 * report quoting the minified bundle's source: the built bundle, run with the image's node flags,
 * with a fault injected by a preloaded module (a throw inside the command, and one outside it).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ensureDist } from '../../bench/build-dist.js';
import { imageCommand, readImageRuntime } from '../../packaging/image-runtime.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** A module run before the CLI: makes writing to stdout throw, or throws from a timer. */
const FAULTS = {
  'a throw inside the command': `process.stdout.write = () => { throw new Error('injected fault'); };`,
  // from a timer, once the CLI is running (it has installed its handlers)
  'a throw outside it': `const t = setInterval(() => { if (process.listenerCount('uncaughtException') > 0) { clearInterval(t); throw new TypeError('injected late fault'); } }, 5);`,
};

const COMMANDS: readonly (readonly string[])[] = [
  [
    'apply',
    '--patch',
    'examples/smbios-from-annotation/patch.yaml',
    '--domain',
    'examples/kubevirt-domain.xml',
    '--vmi',
    'examples/smbios-from-annotation/vmi.yaml',
  ],
  ['validate', 'examples/qemu-commandline/patch.yaml'],
  ['schema'],
];

ensureDist(root, false);
const runtime = readImageRuntime(root);

for (const [fault, source] of Object.entries(FAULTS)) {
  for (const argv of COMMANDS) {
    test(`${argv[0]}, ${fault}: one line, code INTERNAL, exit 70`, () => {
      const { command, args, env } = imageCommand(runtime, root, process.execPath, process.env);
      const preload = `--import=data:text/javascript,${encodeURIComponent(source)}`;
      const run = spawnSync(command, [preload, ...args, ...argv], {
        cwd: root,
        env,
        encoding: 'utf8',
      });
      assert.equal(run.status, 70, run.stderr);
      assert.match(run.stderr, /^hookpatch: internal error: [^\n]*injected[^\n]* \[INTERNAL\]\n$/);
      assert.ok(run.stderr.length < 300, `${run.stderr.length} characters on stderr`);
    });
  }
}
