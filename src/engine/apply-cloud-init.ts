/** STUB (owner: JSON engine): apply `cloudInit`, `userData`, `networkData` operations to KubeVirt's CloudInitData JSON. */
import type { CallContext, PatchDocument } from './model.js';
import type { ApplyOutcome } from './report.js';

export interface CloudInitResult {
  /** the CloudInitData JSON to return (the input bytes when nothing changed) */
  readonly cloudInitData: string;
  /** the legacy `{"userData","networkData"}` JSON, consistent with cloudInitData */
  readonly cloudInitNoCloudSource: string;
}

export function applyCloudInit(cloudInitData: string, _documents: readonly PatchDocument[], _call: CallContext): ApplyOutcome<CloudInitResult> {
  return { ok: true, value: { cloudInitData, cloudInitNoCloudSource: '{}' }, documents: [] };
}
