/** A ConfigMap update during calls: `..data` flipped to a new version (and the old one deleted), or the whole directory gone; every reply is exactly one version's result. */
import assert from 'node:assert/strict';
import { mkdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { status } from '@grpc/grpc-js';
import { applyDomain, loadDocuments, type PatchDocument } from '../../src/engine/index.js';
import { DOMAIN, vmiWith } from '../e2e/fixtures.js';
import { socketOf, startHook } from '../e2e/hook-process.js';
import { bytes, call } from '../e2e/virt-launcher-client.js';

const CALLBACKS = 'kubevirt.hooks.v1alpha3.Callbacks';
const VERSIONS = 40;
const CALLS = 400;
const CONCURRENCY = 8;

/** Two keys per version, so a torn read (one key old, one new) shows in the reply. */
function versionFiles(n: number): Record<string, string> {
  return {
    'a.yaml': `domain:\n  - op: add\n    path: /domain/sysinfo/baseBoard\n    position: prepend\n    value: <entry name="manufacturer">a-${n}</entry>\n`,
    'b.yaml': `domain:\n  - op: set\n    path: /domain/@hookpatch-version\n    value: b-${n}\n`,
  };
}

function expectedReply(n: number): string {
  const documents: PatchDocument[] = Object.entries(versionFiles(n)).flatMap(
    ([name, text]) => loadDocuments(text, { source: name, origin: 'file' }).documents,
  );
  const result = applyDomain(DOMAIN.toString('utf8'), documents, { vmi: {}, context: 'Boot' });
  assert.ok(result.ok);
  return result.value;
}

/** What kubelet's atomic writer does: a new timestamped directory, `..data` renamed over, the old directory removed. */
async function publish(dir: string, n: number, previous: string | undefined): Promise<string> {
  const versionDir = `..2026_11_22_12_00_00.${String(n).padStart(4, '0')}`;
  await mkdir(join(dir, versionDir));
  for (const [name, text] of Object.entries(versionFiles(n)))
    await writeFile(join(dir, versionDir, name), text);
  await symlink(versionDir, join(dir, '..data_tmp'));
  await rename(join(dir, '..data_tmp'), join(dir, '..data'));
  for (const name of Object.keys(versionFiles(n)))
    await symlink(join('..data', name), join(dir, name)).catch(() => undefined);
  if (previous !== undefined) await rm(join(dir, previous), { recursive: true });
  return versionDir;
}

describe('ConfigMap updates during calls', () => {
  test(`${CALLS} calls while ..data flips through ${VERSIONS} versions: each reply is one version's result`, async (t) => {
    const expected = new Map(
      Array.from({ length: VERSIONS + 1 }, (_, n) => [expectedReply(n), n] as const),
    );
    const hook = await startHook(t, ['--patch', '{tmp}/patch']);
    const dir = join(hook.tmp, 'patch');
    await mkdir(dir);
    let current = await publish(dir, 0, undefined);
    const socket = await socketOf(hook);
    let flipping = true;
    const flipper = (async () => {
      for (let n = 1; n <= VERSIONS && flipping; n += 1) {
        current = await publish(dir, n, current);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const seen = new Set<number>();
    let next = 0;
    let refused = 0;
    const worker = async (): Promise<void> => {
      while (next < CALLS) {
        next += 1;
        const answer = await call(socket, CALLBACKS, 'OnDefineDomain', {
          domainXML: DOMAIN,
          vmi: vmiWith(`flip-${next}`),
        });
        // ..data moving under every retry of one call is refused, clearly, rather than served torn
        if (!answer.ok && answer.error.code === status.FAILED_PRECONDITION) {
          refused += 1;
          continue;
        }
        const reply = bytes(answer, 'domainXML');
        const version = expected.get(reply);
        assert.ok(
          version !== undefined,
          `a reply that is no version's result: ${reply.match(/manufacturer">a-\d+|hookpatch-version="[^"]*"/g)?.join(' ') ?? 'unpatched'}`,
        );
        seen.add(version);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    flipping = false;
    await flipper;
    t.diagnostic(`${seen.size} distinct versions seen in ${CALLS} calls, ${refused} refused`);
    assert.ok(seen.size > 1, 'the calls overlapped the flips');
    // the flips come every few ms, far faster than kubelet's: most calls must still be served
    assert.ok(refused < CALLS / 4, `${refused} of ${CALLS} calls refused`);
  });

  test('the whole directory vanishing fails calls cleanly, and its return is served', async (t) => {
    const hook = await startHook(t, ['--patch', '{tmp}/patch']);
    const dir = join(hook.tmp, 'patch');
    await mkdir(dir);
    await publish(dir, 1, undefined);
    const socket = await socketOf(hook);
    assert.equal(
      bytes(
        await call(socket, CALLBACKS, 'OnDefineDomain', {
          domainXML: DOMAIN,
          vmi: vmiWith('before'),
        }),
        'domainXML',
      ),
      expectedReply(1),
    );
    await rm(dir, { recursive: true });
    const gone = await call(socket, CALLBACKS, 'OnDefineDomain', {
      domainXML: DOMAIN,
      vmi: vmiWith('gone'),
    });
    assert.ok(!gone.ok);
    assert.equal(gone.error.code, status.FAILED_PRECONDITION);
    await mkdir(dir);
    await publish(dir, 2, undefined);
    assert.equal(
      bytes(
        await call(socket, CALLBACKS, 'OnDefineDomain', {
          domainXML: DOMAIN,
          vmi: vmiWith('back'),
        }),
        'domainXML',
      ),
      expectedReply(2),
    );
    hook.child.kill('SIGTERM');
    assert.equal(await hook.exited, 0);
  });
});
