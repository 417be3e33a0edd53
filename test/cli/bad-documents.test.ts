/** Every load error through the command line: `validate` and `apply` both exit 1 and print `FILE:LINE:COL: … [CODE]`. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BAD_DOCUMENTS } from '../engine/load/bad-documents.js';
import { runCli } from './run-cli.js';

const BAD = 'test/fixtures/documents/bad';
const DOMAIN = 'test/fixtures/cli/domain.xml';

const FILES = BAD_DOCUMENTS.map((row) => `${BAD}/${row.file}`);

// One run over all the files: every file's errors come out at once, each at its place.
const COMMANDS: readonly { name: string; args: string[] }[] = [
  { name: 'validate', args: ['validate', ...FILES] },
  {
    name: 'apply',
    args: ['apply', ...FILES.flatMap((file) => ['--patch', file]), '--domain', DOMAIN],
  },
];

for (const command of COMMANDS) {
  test(`${command.name} reports each bad document at its place`, async (t) => {
    const result = await runCli(command.args);
    assert.equal(result.code, 1, result.stderr);
    assert.equal(result.stdout, '');
    const lines = result.stderr.split('\n');
    for (const row of BAD_DOCUMENTS) {
      await t.test(row.file, () => {
        const file = `${BAD}/${row.file}`;
        const first = lines.find((line) => line.startsWith(`${file}:`)) ?? '';
        assert.ok(first.startsWith(`${file}:${row.line}:${row.column}: `), first);
        assert.ok(first.endsWith(`[${row.code}]`), first);
      });
    }
  });
}

test('validate reports every error of a file at once', async () => {
  const result = await runCli(['validate', `${BAD}/many-errors.yaml`]);
  assert.equal(result.code, 1);
  const places = result.stderr
    .trim()
    .split('\n')
    .map((line) => /^[^:]+:(\d+):(\d+): .*\[([A-Z_]+)\]$/.exec(line)?.slice(1).join(' '));
  assert.deepEqual(places, [
    '2 9 UNKNOWN_OP',
    '5 11 XPATH_SYNTAX',
    '15 14 FRAGMENT_MALFORMED',
    '18 14 UNKNOWN_VAR',
    '21 13 POINTER_SYNTAX',
  ]);
});

test('an operation inside a document is named in the message', async () => {
  const result = await runCli(['validate', `${BAD}/xpath-syntax.yaml`]);
  assert.match(
    result.stderr,
    /: document xpath-syntax\.yaml#0, operation 0 \(remove \/domain\/devices\/disk\[@device='cdrom'\): /,
  );
});

test("a JSON pointer into nothing fails apply with the operation's location (POINTER_NOT_FOUND)", async () => {
  const patch = 'test/fixtures/cli/pointer-not-found.yaml';
  const applied = await runCli([
    'apply',
    '--patch',
    patch,
    '--cloud-init',
    'test/fixtures/cli/cloud-init-data.json',
  ]);
  assert.equal(applied.code, 1, applied.stderr);
  assert.equal(applied.stdout, '');
  assert.match(
    applied.stderr,
    /^test\/fixtures\/cli\/pointer-not-found\.yaml:10:7: document metadata-cleanup, cloudInit operation 1 \(remove \/NoCloudMetaData\/local-hostname\): .*\[POINTER_NOT_FOUND\]\n$/,
  );
  const validated = await runCli(['validate', patch]);
  assert.equal(
    validated.code,
    0,
    'the pointer is well-formed: only applying finds it points into nothing',
  );
  const sampled = await runCli([
    'validate',
    patch,
    '--cloud-init',
    'test/fixtures/cli/cloud-init-data.json',
  ]);
  assert.equal(sampled.code, 1);
  assert.match(sampled.stderr, /\[POINTER_NOT_FOUND\]/);
});
