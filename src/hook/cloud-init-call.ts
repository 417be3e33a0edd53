/**
 * PreCloudInitIso's body: KubeVirt's CloudInitData JSON in, both the new CloudInitData and the
 * legacy NoCloud source out.
 */
import {
  applyCloudInitSteps,
  type ApplyOutcome,
  type CallContext,
  type PatchDocument,
  type Steps,
} from '../engine/index.js';
import { runHookCall, type CallResult, type HookCall, type HookDeps } from './hook-call.js';
import { HEAP_PER } from './heap-budget.js';
import { bytesField } from './request-fields.js';

/** Bytes as received, or patched text the encoder writes as UTF-8 straight into the reply. */
export interface PreCloudInitIsoReply {
  readonly cloudInitData: Buffer | string;
  readonly cloudInitNoCloudSource: Buffer | string;
}

/** The reply: when nothing changed, the very bytes received. */
function* patchedReply(
  received: PreCloudInitIsoReply,
  json: string,
  documents: readonly PatchDocument[],
  context: CallContext,
): Steps<ApplyOutcome<PreCloudInitIsoReply>> {
  const outcome = yield* applyCloudInitSteps(json, documents, context);
  if (!outcome.ok) return outcome;
  return outcome.value.cloudInitData === json ? { ...outcome, value: received } : outcome;
}

/**
 * The reply's `cloudInitData` is unmarshalled first (empty bytes are an error), and only when it
 * has no UserData or no metadata does KubeVirt fall back to `cloudInitNoCloudSource`; both are
 * returned (docs/kubevirt.md#precloudinitiso).
 */
export async function patchCloudInit(
  deps: HookDeps,
  call: HookCall,
  request: unknown,
): Promise<CallResult<PreCloudInitIsoReply>> {
  const received = {
    cloudInitData: bytesField(request, 'cloudInitData'),
    cloudInitNoCloudSource: bytesField(request, 'cloudInitNoCloudSource'),
  };
  if (received.cloudInitData.length === 0) {
    const message = 'empty: this KubeVirt sends no CloudInitData to patch';
    return {
      ok: false,
      errors: [{ code: 'JSON_MALFORMED', message, location: { source: 'cloudInitData' } }],
    };
  }
  const input = {
    field: 'cloudInitData',
    bytes: received.cloudInitData,
    replyFields: 2,
    heapBytes: (json: string) => json.length * HEAP_PER.cloudInitChar,
  };
  return runHookCall(deps, call, input, bytesField(request, 'vmi'), (json, documents, context) =>
    patchedReply(received, json, documents, context),
  );
}
