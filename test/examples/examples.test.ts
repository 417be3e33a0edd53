/** Every example folder runs through `hookpatch apply` (in process: test/cli/run-cli.ts), once per VM/VMI manifest, and must give its expected output. */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../cli/run-cli.js';
import { exampleFolders } from './example-folders.js';

const EXAMPLES = 'examples';

/** VM and VMI manifests of a folder: each must give the folder's expected outputs (a VM becomes the VMI its controller makes). */
function manifestsOf(dir: string): string[] {
  return ['vmi.yaml', 'vm.yaml']
    .filter((file) => existsSync(join(dir, file)))
    .map((file) => join(dir, file));
}

/** `patch.yaml`, else a `patches/` directory (what a derived image puts in /etc/hookpatch), else only the manifest's annotation (no --patch). */
function patchOf(dir: string): string[] {
  if (existsSync(join(dir, 'patch.yaml'))) return ['--patch', join(dir, 'patch.yaml')];
  if (existsSync(join(dir, 'patches'))) return ['--patch', join(dir, 'patches')];
  return [];
}

/** expected.xml → Boot; expected.<Context>.xml → that context; expected.json → cloud-init; once per manifest. */
function cases(dir: string): { expected: string; args: string[] }[] {
  const patch = patchOf(dir);
  return readdirSync(dir)
    .filter((file) => file.startsWith('expected.'))
    .flatMap((file) =>
      manifestsOf(dir).map((vmi) => {
        const expected = join(dir, file);
        if (file.endsWith('.json'))
          return {
            expected,
            args: [
              'apply',
              ...patch,
              '--cloud-init',
              join(dir, 'cloud-init-data.json'),
              '--vmi',
              vmi,
            ],
          };
        const context = file.split('.').length === 3 ? file.split('.')[1] : undefined;
        const domain = existsSync(join(dir, 'domain.xml'))
          ? join(dir, 'domain.xml')
          : join(EXAMPLES, 'kubevirt-domain.xml');
        return {
          expected,
          args: [
            'apply',
            ...patch,
            '--domain',
            domain,
            '--vmi',
            vmi,
            ...(context ? ['--context', context] : []),
          ],
        };
      }),
    );
}

const folders = exampleFolders();

test('every example folder has a README, a VM or VMI manifest and at least one expected output', () => {
  assert.ok(folders.length >= 9);
  for (const dir of folders) {
    assert.ok(existsSync(join(dir, 'README.md')), `${dir}/README.md`);
    assert.ok(manifestsOf(dir).length > 0, `${dir} has a vmi.yaml or vm.yaml`);
    assert.ok(cases(dir).length > 0, `${dir} has an expected output`);
  }
});

test('an annotation-only example changes the domain through its manifests alone', () => {
  const dir = join(EXAMPLES, 'annotation-only');
  assert.deepEqual(patchOf(dir), []);
  assert.deepEqual(manifestsOf(dir), [join(dir, 'vmi.yaml'), join(dir, 'vm.yaml')]);
  assert.notEqual(
    readFileSync(join(dir, 'expected.xml'), 'utf8'),
    readFileSync(join(EXAMPLES, 'kubevirt-domain.xml'), 'utf8'),
  );
});

for (const dir of folders) {
  for (const { expected, args } of cases(dir)) {
    test(`${expected}`, async () => {
      const run = await runCli(args);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stdout, readFileSync(expected, 'utf8'));
    });
  }
}

test('examples are idempotent: applying a domain example to its own output changes nothing', async () => {
  for (const dir of folders) {
    for (const { expected, args } of cases(dir)) {
      if (!expected.endsWith('.xml')) continue;
      const again = args.map((arg, i) => (args[i - 1] === '--domain' ? expected : arg));
      const run = await runCli(again);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stdout, readFileSync(expected, 'utf8'), expected);
    }
  }
});

test('smbios-from-annotation: without the annotation the domain is returned unchanged', async () => {
  const dir = join(EXAMPLES, 'smbios-from-annotation');
  const vmi = readFileSync(join(dir, 'vmi.yaml'), 'utf8').replace(
    /^ {4}smbios\.vm\.kubevirt\.io\/baseBoardManufacturer:.*\n/m,
    '',
  );
  assert.ok(!vmi.includes('baseBoardManufacturer'));
  const domain = join(EXAMPLES, 'kubevirt-domain.xml');
  const run = await runCli(
    ['apply', '--patch', join(dir, 'patch.yaml'), '--domain', domain, '--vmi', '-'],
    vmi,
  );
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stdout, readFileSync(domain, 'utf8'));
});

test('smbios-from-annotation: the annotation value is inserted as text, never as markup', () => {
  const out = readFileSync(join(EXAMPLES, 'smbios-from-annotation', 'expected.xml'), 'utf8');
  assert.match(out, /<entry name="manufacturer">Radical Edward &amp; Ein &lt;Bebop&gt;<\/entry>/);
});
