/**
 * The recipe catalogue (examples/recipes/): at least six recipes, each with its README lines, each
 * output accepted by libvirt's own domain parser (virsh with the in-process test driver, as
 * test/libvirt-accepts.test.ts runs it), and all of them passing `hookpatch test`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../cli/run-cli.js';
import { exampleFolders, RECIPES } from './example-folders.js';

const recipes = exampleFolders().filter((dir) => dir.startsWith(RECIPES));
const scratch = mkdtempSync(join(tmpdir(), 'hookpatch-recipes-'));
writeFileSync(join(scratch, 'node.xml'), '<node/>\n');

function libvirtAccepts(file: string): { ok: boolean; output: string } {
  const run = spawnSync(
    'virsh',
    ['-q', '-c', `test://${join(scratch, 'node.xml')}`, 'define', file],
    {
      encoding: 'utf8',
      env: { ...process.env, LC_ALL: 'C' },
    },
  );
  if (run.error !== undefined)
    throw new Error(`virsh is required (apt-get install libvirt-clients): ${run.error.message}`);
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

test('the catalogue has at least six recipes, each saying when to use it and whether KubeVirt keeps it', () => {
  assert.ok(recipes.length >= 6, recipes.join());
  const catalogue = readFileSync(join(RECIPES, 'README.md'), 'utf8');
  for (const dir of recipes) {
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    assert.match(readme, /^\*\*When to use it:\*\* \S/m, dir);
    assert.match(readme, /^\*\*Does KubeVirt's struct keep it\?\*\* (Yes|No|Partly|Up to)/m, dir);
    assert.ok(
      catalogue.includes(`(${dir.slice(RECIPES.length + 1)}/)`),
      `${dir} is listed in the catalogue`,
    );
  }
});

for (const dir of recipes) {
  test(`${dir}: libvirt's parser accepts the recipe's output`, () => {
    const result = libvirtAccepts(join(dir, 'expected.xml'));
    assert.ok(result.ok, result.output);
  });
}

test("the libvirt check can fail: an interface driver named '' (what KubeVirt's struct writes for none) is refused", () => {
  const file = join(scratch, 'nic.xml');
  const nic = readFileSync(join(RECIPES, 'nic-queues', 'expected.xml'), 'utf8');
  writeFileSync(file, nic.replace('<driver name="vhost"', '<driver name=""'));
  assert.equal(libvirtAccepts(file).ok, false);
});

test('hookpatch test examples/recipes/ passes every recipe', async () => {
  const run = await runCli(['test', RECIPES]);
  assert.equal(run.code, 0, run.stdout);
  assert.match(run.stdout, new RegExp(`^${recipes.length} passed, 0 failed$`, 'm'));
});
