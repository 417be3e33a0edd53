/** Running the hostile families against a served bundle: one case's calls, Info watched meanwhile, the verdict on each reply. */
import assert from 'node:assert/strict';
import { status } from '@grpc/grpc-js';
import { CLOUD_INIT_DATA, DOMAIN, NO_CLOUD, vmiWith } from '../e2e/fixtures.js';
import { bytes, call, type Reply } from '../e2e/virt-launcher-client.js';
import { familyVmi, type FamilyCall } from './hostile-families.js';

const CALLBACKS = 'kubevirt.hooks.v1alpha3.Callbacks';

/** What a sidecar may answer a hostile call with: our error, with its `[CODE]` (never INTERNAL, never a transport error). */
const CLEAR_ERRORS: ReadonlySet<status> = new Set([
  status.INVALID_ARGUMENT,
  status.FAILED_PRECONDITION,
  status.RESOURCE_EXHAUSTED,
  status.DEADLINE_EXCEEDED,
]);

export function send(socket: string, request: FamilyCall, deadlineMs: number): Promise<Reply> {
  const vmi = familyVmi(request);
  if (request.hook === 'PreCloudInitIso')
    return call(
      socket,
      CALLBACKS,
      'PreCloudInitIso',
      {
        cloudInitData:
          request.cloudInitData === undefined
            ? CLOUD_INIT_DATA
            : Buffer.from(request.cloudInitData, 'utf8'),
        cloudInitNoCloudSource: NO_CLOUD,
        vmi,
      },
      deadlineMs,
    );
  return call(
    socket,
    CALLBACKS,
    'OnDefineDomain',
    {
      domainXML: request.domain === undefined ? DOMAIN : Buffer.from(request.domain, 'utf8'),
      vmi,
    },
    deadlineMs,
  );
}

/** The reply is a patched answer or one of our errors; returns `ok` or the error's code for the diagnostics. */
export function answeredClearly(reply: Reply): string {
  if (reply.ok) return 'ok';
  const { code, details } = reply.error;
  assert.ok(CLEAR_ERRORS.has(code), `status ${code}: ${details}`);
  const ours = /\[([A-Z_]+)\]/.exec(details);
  assert.ok(ours !== null, `no [CODE] in: ${details.slice(0, 300)}`);
  return ours[1] ?? '';
}

/** Calls Info every `everyMs` until stopped; resolves with the slowest answer's time (a failed Info counts as Infinity). */
export function watchInfo(socket: string, everyMs = 200): { stop(): Promise<number> } {
  let stopped = false;
  let slowest = 0;
  const loop = (async () => {
    while (!stopped) {
      const started = performance.now();
      const info = await call(socket, 'kubevirt.hooks.info.Info', 'Info', {}, 10_000);
      slowest = Math.max(slowest, info.ok ? performance.now() - started : Infinity);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
      return slowest;
    },
  };
}

/** A normal call right after: the server still patches. */
export async function normalCallSucceeds(socket: string, marker: RegExp): Promise<void> {
  const good = await call(socket, CALLBACKS, 'OnDefineDomain', {
    domainXML: DOMAIN,
    vmi: vmiWith('after-hostile'),
  });
  assert.match(bytes(good, 'domainXML'), marker);
}
