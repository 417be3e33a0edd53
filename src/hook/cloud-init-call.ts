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
import { bytesField } from './request-fields.js';

export interface PreCloudInitIsoReply {
  readonly cloudInitData: Buffer;
  readonly cloudInitNoCloudSource: Buffer;
}

/** The reply's bytes: when nothing changed, the very bytes received. */
function* patchedReply(
  received: PreCloudInitIsoReply,
  json: string,
  documents: readonly PatchDocument[],
  context: CallContext,
): Steps<ApplyOutcome<PreCloudInitIsoReply>> {
  const outcome = yield* applyCloudInitSteps(json, documents, context);
  if (!outcome.ok) return outcome;
  if (outcome.value.cloudInitData === json) return { ...outcome, value: received };
  yield;
  const value = {
    cloudInitData: Buffer.from(outcome.value.cloudInitData, 'utf8'),
    cloudInitNoCloudSource: Buffer.from(outcome.value.cloudInitNoCloudSource, 'utf8'),
  };
  return { ...outcome, value };
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
  const input = { field: 'cloudInitData', bytes: received.cloudInitData };
  return runHookCall(deps, call, input, bytesField(request, 'vmi'), (json, documents, context) =>
    patchedReply(received, json, documents, context),
  );
}
