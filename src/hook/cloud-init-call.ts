/** PreCloudInitIso's body: KubeVirt's CloudInitData JSON in, both the new CloudInitData and the legacy NoCloud source out. */
import { applyCloudInit } from '../engine/index.js';
import { runHookCall, type CallResult, type HookCall, type HookDeps } from './hook-call.js';
import { bytesField, utf8Text } from './request-fields.js';

export interface PreCloudInitIsoReply {
  readonly cloudInitData: Buffer;
  readonly cloudInitNoCloudSource: Buffer;
}

/**
 * KUBEVIRT.md: the reply's `cloudInitData` is unmarshalled first (empty bytes are an error), and only when
 * it has no UserData or no metadata does KubeVirt fall back to `cloudInitNoCloudSource`; both are returned.
 */
export async function patchCloudInit(
  deps: HookDeps,
  call: HookCall,
  request: unknown,
): Promise<CallResult<PreCloudInitIsoReply>> {
  const data = bytesField(request, 'cloudInitData');
  const noCloud = bytesField(request, 'cloudInitNoCloudSource');
  if (data.length === 0) {
    return {
      ok: false,
      failure: {
        kind: 'request',
        message:
          'PreCloudInitIso: cloudInitData is empty; this KubeVirt sends none to patch [JSON_MALFORMED]',
      },
    };
  }
  const decoded = utf8Text(data, 'cloudInitData');
  if (!decoded.ok) return { ok: false, failure: { kind: 'request', message: decoded.message } };
  const json = decoded.text;
  const result = await runHookCall(
    deps,
    call,
    { field: 'cloudInitData', length: json.length },
    bytesField(request, 'vmi'),
    (documents, context) => applyCloudInit(json, documents, context),
  );
  if (!result.ok) return result;
  if (result.value.cloudInitData === json)
    return { ok: true, value: { cloudInitData: data, cloudInitNoCloudSource: noCloud } };
  return {
    ok: true,
    value: {
      cloudInitData: Buffer.from(result.value.cloudInitData, 'utf8'),
      cloudInitNoCloudSource: Buffer.from(result.value.cloudInitNoCloudSource, 'utf8'),
    },
  };
}
