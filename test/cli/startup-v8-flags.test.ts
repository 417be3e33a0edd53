/** With the image's V8 flags set back at start (src/cli/startup-v8-flags.ts), V8 takes a code cache made without flags, and the heap keeps the flags' sizes. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readImageRuntime } from '../../packaging/image-runtime.js';
import { startupV8Flags } from '../../src/cli/startup-v8-flags.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MODULE = join(ROOT, 'src', 'cli', 'startup-v8-flags.ts');
/** V8 flags only: the Node options of the ENTRYPOINT (`--disable-sigusr1`) are not V8's. */
const IMAGE_V8_FLAGS = readImageRuntime(ROOT).nodeFlags.filter(
  (flag) => flag !== '--disable-sigusr1',
);

test('each flag the image gives goes to its default at start; --no-sparkplug comes back once serving', () => {
  const cases: { argv: string[]; atStart: string[]; serving: string[] }[] = [
    {
      argv: ['--max-old-space-size=32', '--max-semi-space-size=1', '--expose-gc', '--no-sparkplug'],
      atStart: ['--max-old-space-size=0 --max-semi-space-size=0 --no-expose-gc --sparkplug'],
      serving: ['--no-sparkplug'],
    },
    {
      argv: ['--max_old_space_size=64', '--disable-sigusr1', '--require', 'x.cjs'],
      atStart: ['--max-old-space-size=0'],
      serving: [],
    },
    { argv: ['--stack-size=900', '--inspect'], atStart: [], serving: [] },
    { argv: [], atStart: [], serving: [] },
  ];
  for (const { argv, atStart, serving } of cases) {
    const set: string[] = [];
    const flags = startupV8Flags(argv, (value) => set.push(value));
    flags.atStart();
    assert.deepEqual(set, atStart, argv.join(' '));
    set.length = 0;
    flags.serving();
    assert.deepEqual(set, serving, argv.join(' '));
  }
});

const SOURCE = '(function () { return [1, 2, 3].map((x) => x * 2).join(","); })';

/** A code cache made by a node without V8 flags, as Node's own cache of its built-in modules is. */
function cacheWithoutFlags(dir: string): string {
  const path = join(dir, 'made-without-flags.cache');
  const made = spawnSync(
    process.execPath,
    [
      '-e',
      `require('node:fs').writeFileSync(${JSON.stringify(path)}, new (require('node:vm').Script)(${JSON.stringify(SOURCE)}).createCachedData())`,
    ],
    { encoding: 'utf8' },
  );
  assert.equal(made.status, 0, made.stderr);
  return path;
}

/** In a node with the image's V8 flags: whether V8 took the cache, the heap's limit, and gc. */
function consume(
  dir: string,
  cache: string,
  reset: boolean,
): { rejected: boolean; heapLimitMiB: number; gc: string } {
  const script = join(dir, `consume-${String(reset)}.ts`);
  writeFileSync(
    script,
    `import { readFileSync } from 'node:fs';
import { Script } from 'node:vm';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { startupV8Flags } from ${JSON.stringify(MODULE)};
if (${String(reset)}) startupV8Flags(process.execArgv, setFlagsFromString).atStart();
const script = new Script(${JSON.stringify(SOURCE)}, { cachedData: readFileSync(${JSON.stringify(cache)}) });
process.stdout.write(JSON.stringify({
  rejected: script.cachedDataRejected,
  heapLimitMiB: getHeapStatistics().heap_size_limit / 1048576,
  gc: typeof (globalThis as { gc?: unknown }).gc,
}));
`,
  );
  const run = spawnSync(process.execPath, [...IMAGE_V8_FLAGS, '--import', 'tsx', script], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as { rejected: boolean; heapLimitMiB: number; gc: string };
}

test("the image's flags, set back at start, let V8 take a cache made without them; the heap keeps their sizes", () => {
  const dir = mkdtempSync(join(tmpdir(), 'hookpatch-v8-flags-'));
  const cache = cacheWithoutFlags(dir);
  const kept = consume(dir, cache, false);
  assert.equal(kept.rejected, true, 'with the flags left set, V8 refuses the cache');
  const reset = consume(dir, cache, true);
  assert.equal(reset.rejected, false);
  // the image's old space (32 MiB) plus its young generation, as with the flags left set
  assert.equal(reset.heapLimitMiB, kept.heapLimitMiB);
  assert.ok(reset.heapLimitMiB < 48, `heap limit ${reset.heapLimitMiB} MiB`);
  assert.equal(reset.gc, 'function');
});
