/**
 * The verdict table through `serve` (a real socket, `--annotation-policy`) and through
 * `apply --annotation-policy`: the same verdict for the same policy, annotation and input —
 * the same bytes when allowed, the same error line when refused.
 */
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { runApply } from '../../src/cli/apply-command.js';
import {
  POLICIES,
  VERDICT_ROWS,
  type PolicyName,
  type VerdictRow,
} from '../engine/policy/policy-verdicts.js';
import { readWithPyYaml } from '../engine/policy/read-with-pyyaml.js';
import { CLOUD_INIT_DATA, DOMAIN, NO_CLOUD, VMI } from './fixtures.js';
import { socketOf, startHook, tempDir } from './hook-process.js';
import { call, type Reply } from './virt-launcher-client.js';

const CALLBACKS = 'kubevirt.hooks.v1alpha3.Callbacks';

function vmiOf(row: VerdictRow): Buffer {
  const vmi = JSON.parse(VMI.toString('utf8')) as {
    metadata: { annotations: Record<string, string> };
  };
  Object.assign(vmi.metadata.annotations, row.annotations, {
    'hookpatch.io/patch': row.annotation,
  });
  return Buffer.from(JSON.stringify(vmi));
}

type Verdict =
  { readonly ok: true; readonly output: string } | { readonly ok: false; readonly error: string };

function served(reply: Reply, field: string): Verdict {
  if (!reply.ok) return { ok: false, error: reply.error.details };
  const value = reply.message[field];
  assert.ok(Buffer.isBuffer(value));
  return { ok: true, output: value.toString('utf8') };
}

async function applied(row: VerdictRow, dir: string, policy: string): Promise<Verdict> {
  const vmi = join(dir, 'vmi.json');
  const input = join(dir, row.hook === 'domain' ? 'domain.xml' : 'cloud-init.json');
  await writeFile(vmi, vmiOf(row));
  await writeFile(input, row.hook === 'domain' ? DOMAIN : CLOUD_INIT_DATA);
  let stdout = '';
  let stderr = '';
  const code = await runApply(
    ['--vmi', vmi, `--${row.hook}`, input, '--annotation-policy', policy],
    { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) },
    {},
  );
  return code === 0 ? { ok: true, output: stdout } : { ok: false, error: stderr.trimEnd() };
}

describe('the annotation policy through serve and apply', { concurrency: true }, () => {
  for (const name of Object.keys(POLICIES) as PolicyName[]) {
    const rows = VERDICT_ROWS.filter((row) => row.policy === name);
    test(`${name}: ${rows.length} rows, one verdict each from serve and apply`, async (t) => {
      const dir = await tempDir();
      const policy = join(dir, 'policy.yaml');
      await writeFile(policy, POLICIES[name]);
      const hook = await startHook(t, ['--annotation-policy', policy], { tmp: dir });
      const socket = await socketOf(hook);
      for (const row of rows) {
        const reply =
          row.hook === 'domain'
            ? served(
                await call(socket, CALLBACKS, 'OnDefineDomain', {
                  domainXML: DOMAIN,
                  vmi: vmiOf(row),
                }),
                'domainXML',
              )
            : served(
                await call(socket, CALLBACKS, 'PreCloudInitIso', {
                  cloudInitData: CLOUD_INIT_DATA,
                  cloudInitNoCloudSource: NO_CLOUD,
                  vmi: vmiOf(row),
                }),
                'cloudInitData',
              );
        assert.deepEqual(await applied(row, dir, policy), reply, `${row.name}: apply as serve`);
        assert.equal(reply.ok, row.denied === undefined, `${row.name}: ${JSON.stringify(reply)}`);
        if (!reply.ok) assert.match(reply.error, /\[POLICY_DENIED\]$/, row.name);
        if (reply.ok && row.keys !== undefined) {
          const userData = (JSON.parse(reply.output) as { UserData: string }).UserData;
          const reading = readWithPyYaml(userData);
          assert.ok('data' in reading, `${row.name}: ${JSON.stringify(reading)}`);
          assert.deepEqual(Object.keys(reading.data as object).sort(), [...row.keys].sort());
        }
      }
      hook.child.kill('SIGTERM');
      assert.equal(await hook.exited, 0);
    });
  }
});
