/** The bad-input catalogue through the engine alone: every row fails with its code, in bounded time, and a good call still works after it. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  applyCloudInit,
  applyDomain,
  loadDocuments,
  type ApplyOutcome,
  type ErrorCode,
  type PatchDocument,
} from '../../src/engine/index.js';
import { CLOUD_INIT_DATA, DOMAIN, VMI } from '../e2e/fixtures.js';
import { hostileCases, hostileFixture, type HostileCase } from './hostile-cases.js';

const SERVER_PATCH = hostileFixture('server-patch.yaml');
/** A hang detector, not a benchmark: the slowest row takes well under a second on a 2-core machine. */
const BOUND_MS = 5000;

function load(
  text: string,
  source: string,
  origin: 'file' | 'annotation',
): { readonly documents: readonly PatchDocument[]; readonly code?: ErrorCode } {
  const loaded = loadDocuments(text, { source, origin });
  return loaded.errors[0] === undefined
    ? { documents: loaded.documents }
    : { documents: [], code: loaded.errors[0].code };
}

const FILE = load(SERVER_PATCH, 'server-patch.yaml', 'file');

function vmiOf(row: HostileCase): unknown {
  const vmi: { spec: Record<string, unknown> } = JSON.parse(VMI.toString('utf8'));
  if (row.input.vmiSpec !== undefined)
    vmi.spec = { ...vmi.spec, ...(row.input.vmiSpec as Record<string, unknown>) };
  return vmi;
}

function codeOf<T>(outcome: ApplyOutcome<T>): ErrorCode | undefined {
  return outcome.ok ? undefined : outcome.error.code;
}

/** The engine's answer to one row: the loader's first error, or the apply's. */
function engineCode(row: HostileCase): ErrorCode | undefined {
  const annotation =
    row.input.patch === undefined
      ? { documents: [] }
      : load(row.input.patch, 'annotation:hookpatch.io/patch', 'annotation');
  if (annotation.code !== undefined) return annotation.code;
  const documents = [...FILE.documents, ...annotation.documents];
  const call = { vmi: vmiOf(row), context: 'Boot' as const };
  if (row.hook === 'PreCloudInitIso')
    return codeOf(
      applyCloudInit(
        (row.input.cloudInitData ?? CLOUD_INIT_DATA).toString('utf8'),
        documents,
        call,
      ),
    );
  return codeOf(applyDomain((row.input.domain ?? DOMAIN).toString('utf8'), documents, call));
}

describe('bad-input catalogue, engine', () => {
  test('the file documents load and patch the good inputs', () => {
    assert.equal(FILE.code, undefined);
    assert.equal(FILE.documents.length, 2);
  });

  for (const row of hostileCases().filter((r) => r.engine !== undefined)) {
    test(`${row.name}: ${String(row.engine)}`, () => {
      const started = performance.now();
      assert.equal(engineCode(row), row.engine);
      assert.ok(
        performance.now() - started < BOUND_MS,
        `took ${Math.round(performance.now() - started)} ms`,
      );
      // the next call is unaffected: the good inputs still patch
      const domain = applyDomain(DOMAIN.toString('utf8'), FILE.documents, {
        vmi: JSON.parse(VMI.toString('utf8')),
        context: 'Boot',
      });
      assert.ok(domain.ok && domain.value.includes('hostile-tests'));
      const cloudInit = applyCloudInit(CLOUD_INIT_DATA.toString('utf8'), FILE.documents, {
        vmi: {},
        context: 'Boot',
      });
      assert.ok(cloudInit.ok && cloudInit.value.cloudInitData.includes('ssh-ed25519'));
    });
  }
});
