/**
 * Apply documents' `cloudInit`, `userData` and `networkData` operations to KubeVirt's
 * CloudInitData JSON (PreCloudInitIso), as steps that pause between operations (steps.ts).
 */
import { locate } from './errors.js';
import type { Scope } from './expr/expression.js';
import { celLimitsOf, DEFAULT_LIMITS, workBudgetsOf, type Limits } from './limits.js';
import { createMeter, type Meter } from './meter.js';
import { jsonDeeperThan, jsonValuesAbout } from './nesting-depth.js';
import { replyTooLarge, utf8Length } from './reply-size.js';
import { applyJsonDocument } from './json/apply-json-document.js';
import {
  acceptedByKubevirt,
  formatGoJson,
  formatNoCloudSource,
  parseCloudInitData,
} from './json/cloud-init-data.js';
import { jsonEqual, type JsonObject } from './json/json-value.js';
import { UNKNOWN_NODE, type CallContext, type PatchDocument } from './model.js';
import { judgeJson } from './policy/judge-json.js';
import { policyGate } from './policy/policy-gate.js';
import type { ApplyOutcome, DocumentReport } from './report.js';
import { meteredSteps, runSteps, type Steps } from './steps.js';

export interface CloudInitResult {
  /** the CloudInitData JSON to return (the input bytes when nothing changed) */
  readonly cloudInitData: string;
  /** the legacy `{"userData","networkData"}` JSON, consistent with cloudInitData */
  readonly cloudInitNoCloudSource: string;
}

/**
 * Documents apply in order, each atomically (docs/documents.md#how-operations-behave). With
 * failurePolicy Fail the first error fails the call (the caller keeps its input); with Ignore the
 * failing document is skipped whole. A document without cloud-init operations is skipped without
 * evaluating its `when`.
 *
 * The reply's cloudInitData is json-unmarshalled by virt-launcher (docs/kubevirt.md#precloudinitiso), so a changed
 * object is written as Go writes it (same member order, `\u003c`-style escapes); when nothing
 * changed, the input text itself is returned — unless KubeVirt would discard it for an empty
 * UserData (acceptedByKubevirt). Errors: JSON_MALFORMED, and whatever an operation, condition
 * or var fails with.
 */
export function* applyCloudInitSteps(
  cloudInitData: string,
  documents: readonly PatchDocument[],
  call: CallContext,
): Steps<ApplyOutcome<CloudInitResult>> {
  const refusal = policyGate(documents, call.policy);
  if (refusal !== undefined) return { ok: false, error: refusal, documents: [] };
  const limits = call.limits ?? DEFAULT_LIMITS;
  const over =
    cloudInitData.length > limits.maxInputLength
      ? `cloudInitData is ${cloudInitData.length} characters, more than ${limits.maxInputLength}`
      : jsonDeeperThan(cloudInitData, limits.maxDepth)
        ? `cloudInitData nests more than ${limits.maxDepth} deep`
        : jsonValuesAbout(cloudInitData) > limits.maxJsonValues
          ? `cloudInitData holds more than ${limits.maxJsonValues} values`
          : undefined;
  if (over !== undefined)
    return {
      ok: false,
      error: { code: 'LIMIT_EXCEEDED', message: over, location: {} },
      documents: [],
    };
  const meter = call.meter ?? createMeter(workBudgetsOf(limits));
  const scope: Scope = {
    vmi: call.vmi,
    context: call.context,
    node: call.node ?? UNKNOWN_NODE,
    celLimits: celLimitsOf(limits),
  };
  return yield* meteredSteps(
    meter,
    patch(cloudInitData, documents, call, scope, meter),
    (aborted) => ({
      ok: false,
      error: locate(aborted.problem, {}),
      documents: [],
    }),
  );
}

/** applyCloudInitSteps run to the end at once. */
export function applyCloudInit(
  cloudInitData: string,
  documents: readonly PatchDocument[],
  call: CallContext,
): ApplyOutcome<CloudInitResult> {
  return runSteps(applyCloudInitSteps(cloudInitData, documents, call));
}

/** Parse, run every document, write: the part of a call the meter watches. */
function* patch(
  cloudInitData: string,
  documents: readonly PatchDocument[],
  call: CallContext,
  scope: Scope,
  meter: Meter,
): Steps<ApplyOutcome<CloudInitResult>> {
  const limits = call.limits ?? DEFAULT_LIMITS;
  const parsed = parseCloudInitData(cloudInitData);
  if (!parsed.ok) return { ok: false, error: locate(parsed.problem, {}), documents: [] };
  const reports: DocumentReport[] = [];
  const growth = new Map<string, number>();
  let data: JsonObject = parsed.value;
  for (const document of documents) {
    if (document.cloudInit.length + document.userData.length + document.networkData.length === 0) {
      reports.push({ name: document.name, status: 'skipped', operations: [] });
      continue;
    }
    const judge =
      document.origin === 'annotation' && call.policy?.ok === true
        ? judgeJson(call.policy.policy)
        : undefined;
    const before = meter.added();
    yield;
    const result = yield* applyJsonDocument(data, document, { scope, meter, limits }, judge);
    switch (result.status) {
      case 'refused':
        return { ok: false, error: result.error, documents: reports };
      case 'applied':
        data = result.data;
        growth.set(document.name, meter.added() - before);
        reports.push({ name: document.name, status: 'applied', operations: result.operations });
        break;
      case 'skipped':
        reports.push({ name: document.name, status: 'skipped', operations: result.operations });
        break;
      case 'failed':
        if (document.failurePolicy === 'Fail' || result.endsCall === true)
          return { ok: false, error: result.error, documents: reports };
        reports.push({
          name: document.name,
          status: 'ignored',
          operations: result.operations,
          error: result.error,
        });
        break;
    }
  }
  yield;
  return written(cloudInitData, parsed.value, acceptedByKubevirt(data), {
    limits,
    growth,
    reports,
  });
}

/** The reply, unless it is larger than virt-launcher accepts (LIMIT_EXCEEDED naming the document that grew it). */
function written(
  input: string,
  before: JsonObject,
  data: JsonObject,
  call: {
    readonly limits: Limits;
    readonly growth: ReadonlyMap<string, number>;
    readonly reports: readonly DocumentReport[];
  },
): ApplyOutcome<CloudInitResult> {
  const changed = !jsonEqual(before, data);
  const value = {
    cloudInitData: changed ? formatGoJson(data) : input,
    cloudInitNoCloudSource: formatNoCloudSource(data),
  };
  const max = call.limits.maxOutputBytes;
  const bytes =
    utf8Length(value.cloudInitData, max) + utf8Length(value.cloudInitNoCloudSource, max);
  if (changed && bytes > max) {
    const error = replyTooLarge('cloud-init data', bytes, max, call.growth);
    return { ok: false, error, documents: call.reports };
  }
  return { ok: true, value, documents: call.reports };
}
