/** The command line's behaviour: outputs, exit codes (0 ok, 1 patch error, 2 usage), stdin, --vmi, --diff, --explain, validate's inputs. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ROOT, runCli } from './run-cli.js';

const CLI = 'test/fixtures/cli';
const DOMAIN = `${CLI}/domain.xml`;
const domainText = readFileSync(`${ROOT}${DOMAIN}`, 'utf8');

const USAGE_ERRORS: readonly { name: string; args: string[] }[] = [
  { name: 'no command', args: [] },
  { name: 'an unknown command', args: ['patch'] },
  {
    name: 'an unknown flag',
    args: ['apply', '--patch', `${CLI}/smbios.yaml`, '--domain', DOMAIN, '--dif'],
  },
  {
    name: 'a missing patch file',
    args: ['apply', '--patch', `${CLI}/no-such.yaml`, '--domain', DOMAIN],
  },
  {
    name: 'a missing domain file',
    args: ['apply', '--patch', `${CLI}/smbios.yaml`, '--domain', `${CLI}/no-such.xml`],
  },
  { name: 'apply without --patch', args: ['apply', '--domain', DOMAIN] },
  {
    name: 'apply without --domain or --cloud-init',
    args: ['apply', '--patch', `${CLI}/smbios.yaml`],
  },
  {
    name: 'an unknown --context',
    args: ['apply', '--patch', `${CLI}/smbios.yaml`, '--domain', DOMAIN, '--context', 'Reboot'],
  },
  { name: 'validate without paths', args: ['validate'] },
  { name: 'two inputs from stdin', args: ['apply', '--patch', '-', '--domain', '-'] },
];

test('usage errors exit 2 with a message on stderr', { concurrency: 4 }, async (t) => {
  await Promise.all(
    USAGE_ERRORS.map(({ name, args }) =>
      t.test(name, async () => {
        const result = await runCli(args);
        assert.equal(result.code, 2, result.stderr);
        assert.equal(result.stdout, '');
        assert.notEqual(result.stderr, '');
      }),
    ),
  );
});

test('--help and schema exit 0; schema prints schemas/patch.schema.json', async () => {
  const help = await runCli(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^usage: hookpatch/);
  const schema = await runCli(['schema']);
  assert.equal(schema.code, 0);
  assert.equal(schema.stdout, readFileSync(`${ROOT}schemas/patch.schema.json`, 'utf8'));
});

test('apply with a VirtualMachine: its template is the VMI, and its template annotation documents apply too', async () => {
  const result = await runCli([
    'apply',
    '--patch',
    `${CLI}/smbios.yaml`,
    '--domain',
    DOMAIN,
    '--vmi',
    `${CLI}/vm.yaml`,
    '--explain',
  ]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(
    result.stdout,
    /<baseBoard>\s*<entry name="manufacturer">Radical Edward<\/entry>\s*<\/baseBoard>/,
  );
  assert.doesNotMatch(result.stdout, /memballoon/);
  assert.match(
    result.stderr,
    /^document smbios: applied\n {2}domain 0 add \/domain\/sysinfo\/baseBoard: 1 match/m,
  );
  assert.match(result.stderr, /^document annotation:hookpatch\.io\/patch#0: applied$/m);
});

test('apply without a VMI: the VMI is {}, so a when that reads its metadata fails (SPEC: a missing key is an error in CEL)', async () => {
  const result = await runCli(['apply', '--patch', `${CLI}/smbios.yaml`, '--domain', DOMAIN]);
  assert.equal(result.code, 1);
  assert.equal(result.stdout, '');
  assert.match(
    result.stderr,
    /^test\/fixtures\/cli\/smbios\.yaml:\d+:\d+: document smbios: .*\[CEL_EVAL\]\n$/,
  );
});

test('--diff prints a unified diff of the change', async () => {
  const result = await runCli([
    'apply',
    '--patch',
    `${CLI}/smbios.yaml`,
    '--domain',
    DOMAIN,
    '--vmi',
    `${CLI}/vm.yaml`,
    '--diff',
  ]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(
    result.stdout,
    /^--- a\/test\/fixtures\/cli\/domain\.xml\n\+\+\+ b\/test\/fixtures\/cli\/domain\.xml\n@@ /,
  );
  assert.match(result.stdout, /^\+.*<entry name="manufacturer">Radical Edward<\/entry>/m);
  assert.match(result.stdout, /^-.*<memballoon/m);
});

test('- reads the domain or a patch from stdin', async () => {
  const fromStdin = await runCli(
    ['apply', '--patch', `${CLI}/tree/a.yaml`, '--domain', '-'],
    domainText,
  );
  assert.equal(fromStdin.code, 0, fromStdin.stderr);
  assert.match(fromStdin.stdout, /<domain /);
  const patch = 'domain:\n  - op: remove\n    path: /domain/devices/memballoon\n';
  const patchFromStdin = await runCli(['apply', '--patch', '-', '--domain', DOMAIN], patch);
  assert.equal(patchFromStdin.code, 0, patchFromStdin.stderr);
  assert.doesNotMatch(patchFromStdin.stdout, /memballoon/);
  const badFromStdin = await runCli(['validate', '-'], 'domain:\n  - op: take\n');
  assert.equal(badFromStdin.code, 1);
  assert.match(
    badFromStdin.stderr,
    /^-:2:9: document stdin#0, operation 0 \(take\): .*\[UNKNOWN_OP\]/,
  );
});

test('apply --cloud-init prints the patched CloudInitData', async () => {
  const patch =
    'cloudInit:\n  - op: replace\n    path: /NoCloudMetaData/instance-id\n    value: fixed\n';
  const result = await runCli(
    ['apply', '--patch', '-', '--cloud-init', `${CLI}/cloud-init-data.json`],
    patch,
  );
  assert.equal(result.code, 0, result.stderr);
  const data: unknown = JSON.parse(result.stdout);
  assert.deepEqual(data, {
    ...JSON.parse(readFileSync(`${ROOT}${CLI}/cloud-init-data.json`, 'utf8')),
    NoCloudMetaData: { 'instance-id': 'fixed' },
  });
});

test('validate descends into directories, skipping dot entries and other files', async () => {
  const result = await runCli(['validate', `${CLI}/tree`]);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout, 'valid: 3 documents in 2 files\n');
});

test('validate with a sample domain reports match counts; a path that matches nothing fails', async () => {
  const result = await runCli([
    'validate',
    `${CLI}/tree/a.yaml`,
    `${CLI}/smbios.yaml`,
    '--domain',
    DOMAIN,
    '--vmi',
    `${CLI}/vm.yaml`,
  ]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(
    result.stdout,
    /^ {2}domain 0 remove \/domain\/devices\/watchdog: 0 matches, matched nothing$/m,
  );
  assert.match(result.stdout, /^ {2}domain 0 add \/domain\/sysinfo\/baseBoard: 1 match, done$/m);
  const noMatch = await runCli(
    ['validate', '-', '--domain', DOMAIN],
    'domain:\n  - op: set\n    path: /domain/nope/@x\n    value: "1"\n    optional: false\n    count: 2\n',
  );
  assert.equal(noMatch.code, 1, noMatch.stdout);
});

test('validate reads documents inside a ConfigMap and places errors in the manifest', async () => {
  const result = await runCli(['validate', `${CLI}/configmap.yaml`]);
  assert.equal(result.code, 1);
  assert.match(
    result.stderr,
    /^test\/fixtures\/cli\/configmap\.yaml:14:15: document balloon\.yaml#0, operation 0 \(remove \/domain\/devices\/memballoon\[\): .*\[XPATH_SYNTAX\]\n$/,
  );
});

test('validate reads the annotation documents of a VirtualMachine', async () => {
  const result = await runCli(['validate', `${CLI}/vm.yaml`]);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout, 'valid: 1 document in 1 file\n');
});

test("apply --patch DIR reads the directory's patch files by name, not its sub-directories or dot entries", async () => {
  const result = await runCli(['apply', '--patch', `${CLI}/tree`, '--domain', DOMAIN, '--explain']);
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(
    [...result.stderr.matchAll(/^document (\S+): /gm)].map((match) => match[1]),
    ['a.yaml#0'],
  );
});

test('warnings: validate and apply --explain name the operation and the code, and still exit 0', async () => {
  const patch = `${CLI}/rng-rate.yaml`;
  const warning =
    /^test\/fixtures\/cli\/rng-rate\.yaml:5:12: document rng-rate\.yaml#0, operation 0 \(add \/domain\/devices\): warning: .*rate.* \[DROPPED_BY_KUBEVIRT\]$/m;
  const validated = await runCli(['validate', patch]);
  assert.equal(validated.code, 0, validated.stderr);
  assert.equal(validated.stdout, 'valid: 1 document in 1 file, 1 warning\n');
  assert.match(validated.stderr, warning);
  const applied = await runCli(['apply', '--patch', patch, '--domain', DOMAIN, '--explain']);
  assert.equal(applied.code, 0, applied.stderr);
  assert.match(applied.stderr.replace(/^ {2}/gm, ''), warning);
  const quiet = await runCli(['apply', '--patch', patch, '--domain', DOMAIN]);
  assert.equal(quiet.stderr, '', 'without --explain apply prints no warnings');
});
