/** One patch call, whatever the protocol: parse the VMI, gather documents, apply, log one line. */
import {
  documentWarnings,
  formatWarning,
  type ApplyOutcome,
  type CallContext,
  type DocumentReport,
  type InvocationContext,
  type NodeInfo,
  type PatchDocument,
  type PatchError,
  type PolicyLoad,
} from '../engine/index.js';
import { DEFAULT_LIMITS, workBudgetsOf, type Limits } from '../engine/limits.js';
import { createMeter, type Meter } from '../engine/meter.js';
import { jsonDeeperThan, jsonValuesAbout } from '../engine/nesting-depth.js';
import type { DocumentSources } from '../sources/index.js';
import { failureMessage, type HookFailure } from './grpc-status.js';
import { limitsForCall, type HeapBudget } from './heap-budget.js';
import type { Log } from './log.js';
import { utf8Text } from './request-fields.js';

export type HookName = 'OnDefineDomain' | 'PreCloudInitIso' | 'MutateDomain';

export interface HookCall {
  readonly hook: HookName;
  /** the protocol version, e.g. `v1alpha3` or `plugins/v1alpha1` */
  readonly version: string;
  readonly context: InvocationContext;
  /** whether the VMI's `hookpatch.io/patch` annotation is read */
  readonly annotations: boolean;
}

export interface HookDeps {
  readonly sources: DocumentSources;
  readonly log: Log;
  /** `--annotation-policy`: undefined when none is configured */
  readonly policy?: PolicyLoad | undefined;
  /** `--max-*` flags; DEFAULT_LIMITS when absent */
  readonly limits?: Limits | undefined;
  /** the node this sidecar runs on; UNKNOWN_NODE when absent */
  readonly node?: NodeInfo | undefined;
  /** the served process's heap and deadline: absent, a call is bounded by its budgets only */
  readonly runtime?: CallRuntime | undefined;
}

/** What `serve` knows of the process a call runs in (src/hook/heap-budget.ts). */
export interface CallRuntime {
  readonly heap: HeapBudget;
  readonly heapHasRoom: () => boolean;
  /** `--call-deadline`, in milliseconds */
  readonly deadlineMs: number;
}

/** Milliseconds on a monotonic clock (process.hrtime: node:perf_hooks is a dozen modules more at start). */
function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** The call's limits (its input's size leaves room for fewer inserted nodes) and its meter. */
function callBounds(
  deps: HookDeps,
  inputLength: number,
  started: number,
): { readonly limits: Limits; readonly meter: Meter } {
  const base = deps.limits ?? DEFAULT_LIMITS;
  const { runtime } = deps;
  if (runtime === undefined) return { limits: base, meter: createMeter(workBudgetsOf(base)) };
  const limits = limitsForCall(base, runtime.heap, inputLength);
  const meter = createMeter(workBudgetsOf(limits), {
    now: monotonicMs,
    deadline: started + runtime.deadlineMs,
    heapHasRoom: runtime.heapHasRoom,
  });
  return { limits, meter };
}

export type CallResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: HookFailure };

type Apply<T> = (documents: readonly PatchDocument[], call: CallContext) => ApplyOutcome<T>;

/** The VMI as sent: compact JSON from virt-launcher; no bytes at all means no VMI. */
function parseVmi(bytes: Buffer, limits: Limits): CallResult<unknown> {
  if (bytes.length === 0) return { ok: true, value: {} };
  const text = utf8Text(bytes, 'vmi');
  if (!text.ok) return { ok: false, failure: { kind: 'request', message: text.message } };
  // CEL's activation and cost estimate walk the VMI recursively
  if (jsonDeeperThan(text.text, limits.maxDepth))
    return {
      ok: false,
      failure: {
        kind: 'request',
        message: `vmi: nests more than ${limits.maxDepth} deep [LIMIT_EXCEEDED]`,
      },
    };
  const values = jsonValuesAbout(text.text);
  if (values > limits.maxJsonValues)
    return {
      ok: false,
      failure: {
        kind: 'request',
        message: `vmi: about ${values} values, more than ${limits.maxJsonValues} [LIMIT_EXCEEDED]`,
      },
    };
  try {
    const value: unknown = JSON.parse(text.text);
    // KUBEVIRT.md: virt-launcher sends json.Marshal of the VMI object; anything else is not a VMI
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return {
        ok: false,
        failure: { kind: 'request', message: 'vmi: not a JSON object [JSON_MALFORMED]' },
      };
    return { ok: true, value };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      failure: { kind: 'request', message: `vmi: not valid JSON: ${reason} [JSON_MALFORMED]` },
    };
  }
}

function metadataString(vmi: unknown, key: 'name' | 'namespace' | 'uid'): string | undefined {
  if (typeof vmi !== 'object' || vmi === null || !('metadata' in vmi)) return undefined;
  const metadata = vmi.metadata;
  if (typeof metadata !== 'object' || metadata === null || !(key in metadata)) return undefined;
  const value: unknown = (metadata as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}

/** SPEC §3: documents applied/skipped/ignored, operations with match counts. */
function reportFields(reports: readonly DocumentReport[]): Record<string, unknown> {
  const names = (status: DocumentReport['status']): string[] =>
    reports.filter((r) => r.status === status).map((r) => r.name);
  const operations = reports.flatMap((r) =>
    r.operations.map((o) => ({
      document: r.name,
      list: o.list,
      index: o.index,
      op: o.op,
      path: o.path,
      matches: o.matches,
      ...(o.skipped === undefined ? {} : { skipped: o.skipped }),
    })),
  );
  return {
    documents: { applied: names('applied'), skipped: names('skipped'), ignored: names('ignored') },
    operations,
  };
}

/** The warnings of the documents that applied, each one formatted line, for the call's log line. */
function appliedWarnings(
  documents: readonly PatchDocument[],
  reports: readonly DocumentReport[],
): string[] {
  const applied = new Set(reports.filter((r) => r.status === 'applied').map((r) => r.name));
  return documentWarnings(documents.filter((document) => applied.has(document.name))).map(
    formatWarning,
  );
}

/** An engine error about the input has no source: name the request field it came from. */
function inInput(error: PatchError, input: string): PatchError {
  return error.location.source === undefined
    ? { ...error, location: { ...error.location, source: input } }
    : error;
}

/**
 * `input` names the request field being patched (`domainXML`, `domain`, `cloudInitData`), for
 * errors in it, and gives its length in characters.
 */
export async function runHookCall<T>(
  deps: HookDeps,
  call: HookCall,
  input: { readonly field: string; readonly length: number },
  vmiBytes: Buffer,
  apply: Apply<T>,
): Promise<CallResult<T>> {
  const started = monotonicMs();
  const { limits, meter } = callBounds(deps, input.length, started);
  const vmi = parseVmi(vmiBytes, limits);
  const subject = vmi.ok
    ? {
        namespace: metadataString(vmi.value, 'namespace'),
        name: metadataString(vmi.value, 'name'),
        uid: metadataString(vmi.value, 'uid'),
      }
    : {};
  let result: CallResult<T>;
  let reports: readonly DocumentReport[] = [];
  let warnings: string[] = [];
  if (!vmi.ok) {
    result = vmi;
  } else {
    const sourced = await deps.sources.forCall(vmi.value, { annotations: call.annotations });
    if (!sourced.ok) {
      result = { ok: false, failure: sourced.failure };
    } else {
      const context = {
        vmi: vmi.value,
        context: call.context,
        limits,
        meter,
        policy: deps.policy,
        ...(deps.node === undefined ? {} : { node: deps.node }),
      };
      const outcome = apply(sourced.documents, context);
      reports = outcome.documents;
      warnings = appliedWarnings(sourced.documents, reports);
      result = outcome.ok
        ? { ok: true, value: outcome.value }
        : { ok: false, failure: { kind: 'patch', errors: [inInput(outcome.error, input.field)] } };
    }
  }
  const fields = {
    ...subject,
    hook: call.hook,
    version: call.version,
    context: call.context,
    ...reportFields(reports),
    ...(warnings.length === 0 ? {} : { warnings }),
    durationMs: Math.round((monotonicMs() - started) * 100) / 100,
  };
  if (result.ok && warnings.length > 0) deps.log.warning(`${call.hook} patched`, fields);
  else if (result.ok) deps.log.info(`${call.hook} patched`, fields);
  else deps.log.error(`${call.hook} failed`, { ...fields, error: failureMessage(result.failure) });
  return result;
}
