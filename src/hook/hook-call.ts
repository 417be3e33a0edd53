/**
 * One patch call, whatever the protocol: its turn in the engine lane, the input and the VMI, the
 * documents, the engine's steps driven in slices (drive-steps.ts), and one log line.
 */
import {
  createMeter,
  DEFAULT_LIMITS,
  workBudgetsOf,
  type ApplyOutcome,
  type CallContext,
  type DocumentReport,
  type InvocationContext,
  type Limits,
  type Meter,
  type NodeInfo,
  type PatchDocument,
  type PatchError,
  type PolicyLoad,
  type Steps,
} from '../engine/index.js';
import type { DocumentSources } from '../sources/index.js';
import { reportFields } from './call-log-fields.js';
import { appliedWarnings, type HookName } from './call-warnings.js';
import { driveSteps } from './drive-steps.js';
import type { EngineLane } from './engine-lane.js';
import { failureMessage } from './grpc-status.js';
import { limitsForCall, type HeapBudget } from './heap-budget.js';
import type { Log } from './log.js';
import { monotonicMs } from './monotonic-ms.js';
import { parseVmi, vmiSubject } from './parse-vmi.js';
import { utf8Text } from './request-fields.js';

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
  /** the served process: absent, a call is bounded by its budgets only and runs at once */
  readonly runtime?: CallRuntime | undefined;
}

/** What `serve` knows of the process a call runs in (src/hook/heap-budget.ts). */
export interface CallRuntime {
  readonly heap: HeapBudget;
  readonly heapHasRoom: () => boolean;
  /** run before a call's work with the request's size: frees what earlier large calls left outside the heap */
  readonly beforeLarge: (requestBytes: number) => void;
  /** `--call-deadline`, in milliseconds */
  readonly deadlineMs: number;
  /** the process's one engine lane: a call's work waits there for the calls before it */
  readonly lane: EngineLane;
}

/** A call's reply, or every error that stopped it, each located (a request field, a file, a document). */
export type CallResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly PatchError[] };

/** The request field a call patches: its name (errors in it are located there) and its bytes. */
export interface CallInput {
  readonly field: string;
  readonly bytes: Buffer;
  /** the reply's length-delimited fields: one domain, or cloudInitData and the NoCloud source */
  readonly replyFields: number;
  /** heap the input's text takes while it is patched (the operations' nodes get the rest) */
  readonly heapBytes: (text: string) => number;
}

/**
 * virt-launcher's grpc-go client refuses a reply *message* over its 4 MiB, so each reply field's
 * tag and length (five bytes for a field of 2–256 MiB) come off what the engine may write.
 */
const FIELD_FRAMING_BYTES = 5;

/** The engine's steps on the input's text with the call's documents. */
export type Apply<T> = (
  text: string,
  documents: readonly PatchDocument[],
  call: CallContext,
) => Steps<ApplyOutcome<T>>;

/** The call's limits (its input's size leaves room for fewer inserted nodes) and its meter. */
function callBounds(
  deps: HookDeps,
  input: { readonly heapBytes: number; readonly replyFields: number },
  started: number,
): { readonly limits: Limits; readonly meter: Meter } {
  const flags = deps.limits ?? DEFAULT_LIMITS;
  const framing = FIELD_FRAMING_BYTES * input.replyFields;
  const base = { ...flags, maxOutputBytes: flags.maxOutputBytes - framing };
  const { runtime } = deps;
  if (runtime === undefined) return { limits: base, meter: createMeter(workBudgetsOf(base)) };
  const limits = limitsForCall(base, runtime.heap, input.heapBytes);
  const meter = createMeter(workBudgetsOf(limits), {
    now: monotonicMs,
    deadline: started + runtime.deadlineMs,
    heapHasRoom: runtime.heapHasRoom,
  });
  return { limits, meter };
}

/** What one call did, for its reply and its log line. */
interface CallRun<T> {
  readonly result: CallResult<T>;
  readonly subject: Record<string, string | undefined>;
  readonly reports: readonly DocumentReport[];
  readonly warnings: readonly string[];
}

const failed = <T>(errors: readonly PatchError[], subject = {}): CallRun<T> => ({
  result: { ok: false, errors },
  subject,
  reports: [],
  warnings: [],
});

/** An engine error about the input has no source: name the request field it came from. */
function inInput(error: PatchError, input: string): PatchError {
  return error.location.source === undefined
    ? { ...error, location: { ...error.location, source: input } }
    : error;
}

/** `--call-deadline` counts from the call's arrival: one that waited it out in the lane does no work. */
function waitedPastDeadline(deps: HookDeps, started: number): PatchError | undefined {
  const { runtime } = deps;
  if (runtime === undefined || monotonicMs() <= started + runtime.deadlineMs) return undefined;
  const message = 'the call waited past its deadline for the calls before it';
  return { code: 'DEADLINE_EXCEEDED', message, location: {} };
}

/** The call's work in the lane: input, VMI, documents, then the engine's steps. */
async function patchCall<T>(
  deps: HookDeps,
  call: HookCall,
  input: CallInput,
  vmiBytes: Buffer,
  apply: Apply<T>,
  started: number,
): Promise<CallRun<T>> {
  // the loop may not have turned since: the driver's first slice counts from here
  const began = monotonicMs();
  const late = waitedPastDeadline(deps, started);
  if (late !== undefined) return failed([late]);
  deps.runtime?.beforeLarge(input.bytes.length + vmiBytes.length);
  const text = utf8Text(input.bytes, input.field);
  if (!text.ok) return failed([text.error]);
  const { limits, meter } = callBounds(
    deps,
    { heapBytes: input.heapBytes(text.text), replyFields: input.replyFields },
    started,
  );
  const vmi = parseVmi(vmiBytes, limits);
  const subject = vmiSubject(vmi);
  if (!vmi.ok) return failed([vmi.error], subject);
  const sourced = await deps.sources.forCall(vmi.value, { annotations: call.annotations });
  if (!sourced.ok) return failed(sourced.errors, subject);
  const context = {
    vmi: vmi.value,
    context: call.context,
    limits,
    meter,
    policy: deps.policy,
    ...(deps.node === undefined ? {} : { node: deps.node }),
  };
  const outcome = await driveSteps(apply(text.text, sourced.documents, context), {
    sliceStart: began,
  });
  const reports = outcome.documents;
  const warnings = appliedWarnings(sourced.documents, reports, call.hook);
  const result: CallResult<T> = outcome.ok
    ? { ok: true, value: outcome.value }
    : { ok: false, errors: [inInput(outcome.error, input.field)] };
  return { result, subject, reports, warnings };
}

function logCall(log: Log, call: HookCall, run: CallRun<unknown>, started: number): void {
  const fields = {
    ...run.subject,
    hook: call.hook,
    version: call.version,
    context: call.context,
    ...reportFields(run.reports),
    ...(run.warnings.length === 0 ? {} : { warnings: run.warnings }),
    durationMs: Math.round((monotonicMs() - started) * 100) / 100,
  };
  const { result } = run;
  if (result.ok && run.warnings.length > 0) log.warning(`${call.hook} patched`, fields);
  else if (result.ok) log.info(`${call.hook} patched`, fields);
  else log.error(`${call.hook} failed`, { ...fields, error: failureMessage(result.errors) });
}

/**
 * `input` is the request field being patched (`domainXML`, `domain`, `cloudInitData`); its text
 * is decoded in the lane, so a call waiting there holds only the request's bytes.
 */
export async function runHookCall<T>(
  deps: HookDeps,
  call: HookCall,
  input: CallInput,
  vmiBytes: Buffer,
  apply: Apply<T>,
): Promise<CallResult<T>> {
  const started = monotonicMs();
  const work = (): Promise<CallRun<T>> => patchCall(deps, call, input, vmiBytes, apply, started);
  const run = await (deps.runtime === undefined ? work() : deps.runtime.lane.run(work));
  logCall(deps.log, call, run, started);
  return run.result;
}
