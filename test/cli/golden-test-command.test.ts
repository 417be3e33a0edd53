/** `hookpatch test`: the examples pass as golden tests, and each way a case can fail is reported on its line, with exit 1. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { exampleFolders } from '../examples/example-folders.js';
import { ROOT, runCli } from './run-cli.js';

const EXAMPLES = join(ROOT, 'examples');

/** A copy of one example folder (and the shared domain it names) to break on purpose. */
function copyExample(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'hookpatch-golden-'));
  cpSync(join(EXAMPLES, name), join(dir, name), { recursive: true });
  cpSync(join(EXAMPLES, 'kubevirt-domain.xml'), join(dir, 'kubevirt-domain.xml'));
  return join(dir, name);
}

function testFile(dir: string, cases: string): void {
  writeFileSync(
    join(dir, 'hookpatch-test.yaml'),
    `apiVersion: hookpatch.io/v1alpha1\nkind: Test\ncases:\n${cases}`,
  );
}

test('hookpatch test examples/ passes, one line per case, and every example folder has cases', async () => {
  const run = await runCli(['test', 'examples/']);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  const lines = run.stdout.trimEnd().split('\n');
  const cases = lines.slice(0, -1);
  assert.ok(cases.length >= 16 && cases.every((line) => line.startsWith('ok   ')), run.stdout);
  assert.equal(lines.at(-1), `${cases.length} passed, 0 failed`);
  for (const folder of exampleFolders(EXAMPLES))
    assert.ok(existsSync(join(folder, 'hookpatch-test.yaml')), folder);
});

test('changing one expected file fails that case, names it, and exits 1', async () => {
  const dir = copyExample('migration-only');
  const expected = join(dir, 'expected.MigrationTarget.xml');
  writeFileSync(expected, readFileSync(expected, 'utf8').replace('<vcpu', '<vcpu current="1"'));
  const run = await runCli(['test', dir]);
  assert.equal(run.code, 1);
  const failed = run.stdout.split('\n').filter((line) => line.startsWith('FAIL '));
  assert.equal(failed.length, 1, run.stdout);
  assert.match(
    failed[0] ?? '',
    /^FAIL .*migration-only: migration target: output differs from .*expected\.MigrationTarget\.xml, line \d+, column \d+/,
  );
  assert.match(run.stdout, /^ok {3}.*migration-only: boot$/m);
  assert.match(run.stdout, /^1 passed, 1 failed$/m);
});

const failing: ReadonlyArray<{
  readonly what: string;
  readonly patch: string;
  readonly case: string;
  readonly reason: RegExp;
}> = [
  {
    what: 'an add that is not idempotent',
    patch:
      'domain:\n  - {op: add, path: /domain/devices, once: false, value: "<watchdog model=\'i6300esb\'/>"}\n',
    case: '    expected: out.xml\n',
    reason: /not idempotent: applied again to its output, line \d+/,
  },
  {
    what: 'an expected error that does not happen',
    patch: 'domain:\n  - {op: set, path: /domain/@type, value: kvm}\n',
    case: '    error: NO_MATCH\n',
    reason: /expected error NO_MATCH, but the patches applied/,
  },
  {
    what: 'another error than the expected one',
    patch: 'domain:\n  - {op: set, path: /domain/nothing/@x, value: "1", count: 2}\n',
    case: '    error: NO_MATCH\n',
    reason: /expected error NO_MATCH, got .*\[COUNT_MISMATCH\]/,
  },
  {
    what: 'a patch that does not load',
    patch: 'domain:\n  - {op: frobnicate, path: /domain}\n',
    case: '    expected: out.xml\n',
    reason: /patch\.yaml:2:\d+: .*\[UNKNOWN_OP\]/,
  },
  {
    what: 'a missing input file',
    patch: 'domain: []\n',
    case: '    expected: out.xml\n',
    reason: /no-such-domain\.xml/,
  },
];

for (const row of failing) {
  test(`a case fails on ${row.what}`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hookpatch-golden-'));
    writeFileSync(join(dir, 'patch.yaml'), row.patch);
    writeFileSync(join(dir, 'domain.xml'), '<domain type="kvm"><devices/></domain>\n');
    writeFileSync(
      join(dir, 'out.xml'),
      '<domain type="kvm"><devices><watchdog model="i6300esb"/></devices></domain>\n',
    );
    const domain = row.what === 'a missing input file' ? 'no-such-domain.xml' : 'domain.xml';
    testFile(
      dir,
      `  - name: the case\n    patches: [patch.yaml]\n    domain: ${domain}\n${row.case}`,
    );
    const run = await runCli(['test', dir]);
    assert.equal(run.code, 1, run.stdout);
    const [line] = run.stdout.split('\n');
    assert.match(line ?? '', /^FAIL .*: the case: /);
    assert.match(line ?? '', row.reason);
  });
}

test("an expected error that happens passes, and a case's node and context reach the conditions", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hookpatch-golden-'));
  const when = "node.name == 'n1' && context == 'MigrationTarget'";
  writeFileSync(
    join(dir, 'patch.yaml'),
    `domain:\n  - {op: set, when: "${when}", path: /domain/@x, value: "1"}\n`,
  );
  writeFileSync(
    join(dir, 'broken.yaml'),
    'domain:\n  - {op: set, path: "/domain/@", value: "1"}\n',
  );
  writeFileSync(join(dir, 'domain.xml'), '<domain type="kvm"/>\n');
  writeFileSync(join(dir, 'n1.xml'), '<domain type="kvm" x="1"/>\n');
  testFile(
    dir,
    [
      '  - {name: on n1, patches: [patch.yaml], domain: domain.xml, node: n1, context: MigrationTarget, expected: n1.xml}',
      '  - {name: on n2, patches: [patch.yaml], domain: domain.xml, node: n2, context: MigrationTarget, expected: domain.xml}',
      '  - {name: at boot, patches: [patch.yaml], domain: domain.xml, node: n1, expected: domain.xml}',
      '  - {name: broken, patches: [broken.yaml], domain: domain.xml, error: XPATH_SYNTAX}',
      '',
    ].join('\n'),
  );
  const run = await runCli(['test', dir]);
  assert.equal(run.code, 0, run.stdout);
  assert.match(run.stdout, /^4 passed, 0 failed$/m);
});

test('an invalid test file is one failure naming the file and what is wrong', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hookpatch-golden-'));
  testFile(
    dir,
    '  - name: a\n    domain: d.xml\n    expected: e.xml\n    error: NO_MATCH\n  - name: b\n    domian: d.xml\n',
  );
  const run = await runCli(['test', dir]);
  assert.equal(run.code, 1);
  assert.match(
    run.stdout,
    /^FAIL .*hookpatch-test\.yaml: .*\/cases\/0: must match exactly one schema in oneOf/m,
  );
  assert.match(run.stdout, /\/cases\/1: must NOT have additional properties/);
});

test('a folder without test files fails: a CI gate that runs nothing must not pass', async () => {
  const run = await runCli(['test', mkdtempSync(join(tmpdir(), 'hookpatch-golden-'))]);
  assert.equal(run.code, 1);
  assert.match(run.stderr, /no hookpatch-test\.yaml found/);
});

test('--junit writes well-formed JUnit XML with one testcase per case and its failure', async () => {
  const dir = copyExample('plugin-sidecar');
  writeFileSync(join(dir, 'expected.xml'), 'not the output\n');
  const junit = join(dir, 'report.xml');
  const run = await runCli(['test', dir, '--junit', junit]);
  assert.equal(run.code, 1);
  const xml = readFileSync(junit, 'utf8');
  const lint = spawnSync('xmllint', ['--noout', junit], { encoding: 'utf8' });
  assert.equal(lint.status, 0, lint.stderr);
  assert.equal([...xml.matchAll(/<testcase /g)].length, 3);
  assert.equal([...xml.matchAll(/<failure message="output differs/g)].length, 2);
  assert.match(xml, /<testsuites name="hookpatch test" tests="3" failures="2">/);
});

test('hookpatch schema prints the patch schema, hookpatch schema test the test file one', async () => {
  const patch = await runCli(['schema']);
  const golden = await runCli(['schema', 'test']);
  assert.equal(patch.stdout, readFileSync(join(ROOT, 'schemas', 'patch.schema.json'), 'utf8'));
  assert.equal(golden.stdout, readFileSync(join(ROOT, 'schemas', 'test.schema.json'), 'utf8'));
  assert.equal((await runCli(['schema', 'tests'])).code, 2);
});
