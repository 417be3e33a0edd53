/** The built command line as a process, run as the image runs it: exit codes, both streams, stdin, the lazily loaded chunks. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ROOT, runBuiltCli } from './run-cli.js';

const CLI = 'test/fixtures/cli';
const DOMAIN = `${CLI}/domain.xml`;

interface Row {
  readonly name: string;
  readonly args: readonly string[];
  readonly stdin?: string;
  readonly code: number;
  /** what stdout must match; `''` for nothing at all */
  readonly stdout: RegExp | string;
  /** what stderr must match */
  readonly stderr: RegExp | string;
}

const ROWS: readonly Row[] = [
  { name: '--help', args: ['--help'], code: 0, stdout: /^usage: hookpatch/, stderr: '' },
  {
    name: 'schema (read beside the bundle)',
    args: ['schema'],
    code: 0,
    stdout: readFileSync(`${ROOT}schemas/patch.schema.json`, 'utf8'),
    stderr: '',
  },
  {
    name: 'apply, the domain from stdin',
    args: ['apply', '--patch', `${CLI}/tree/a.yaml`, '--domain', '-'],
    stdin: readFileSync(`${ROOT}${DOMAIN}`, 'utf8'),
    code: 0,
    stdout: /^<domain /,
    stderr: '',
  },
  {
    name: 'validate a directory',
    args: ['validate', `${CLI}/tree`],
    code: 0,
    stdout: 'valid: 3 documents in 2 files\n',
    stderr: '',
  },
  {
    name: 'a patch error',
    args: ['apply', '--patch', `${CLI}/smbios.yaml`, '--domain', DOMAIN],
    code: 1,
    stdout: '',
    stderr: /\[CEL_EVAL\]\n$/,
  },
  {
    name: 'an unknown flag',
    args: ['apply', '--patch', `${CLI}/smbios.yaml`, '--domain', DOMAIN, '--dif'],
    code: 2,
    stdout: '',
    stderr: /^hookpatch: .*\nrun 'hookpatch --help' for usage\n$/,
  },
  { name: 'an unknown command', args: ['patch'], code: 2, stdout: '', stderr: /^hookpatch: / },
];

for (const row of ROWS) {
  test(`the built binary: ${row.name} exits ${row.code}`, async () => {
    const result = await runBuiltCli(row.args, row.stdin);
    assert.equal(result.code, row.code, result.stderr);
    for (const [stream, expected] of [
      [result.stdout, row.stdout],
      [result.stderr, row.stderr],
    ] as const) {
      if (typeof expected === 'string') assert.equal(stream, expected);
      else assert.match(stream, expected);
    }
  });
}
