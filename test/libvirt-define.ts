/** libvirt's own domain parser, as shared/tools/validate-domain.sh runs it: `virsh define` against the in-process test driver. virsh is required (.ci/run installs it). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let scratch: string | undefined;

function scratchDirectory(): string {
  if (scratch === undefined) {
    scratch = mkdtempSync(join(tmpdir(), 'hookpatch-libvirt-'));
    writeFileSync(join(scratch, 'node.xml'), '<node/>\n');
  }
  return scratch;
}

export function virshDefine(xml: string): { ok: boolean; output: string } {
  const directory = scratchDirectory();
  const file = join(directory, 'domain.xml');
  writeFileSync(file, xml);
  const run = spawnSync(
    'virsh',
    ['-q', '-c', `test://${join(directory, 'node.xml')}`, 'define', file],
    { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } },
  );
  if (run.error !== undefined)
    throw new Error(
      `virsh is required for this test (apt-get install libvirt-clients): ${run.error.message}`,
    );
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}
