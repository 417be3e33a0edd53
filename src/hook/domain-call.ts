/** OnDefineDomain and MutateDomain share one body: domain XML bytes and VMI bytes in, patched XML bytes out. */
import {
  applyDomainSteps,
  domSizeOf,
  type ApplyOutcome,
  type CallContext,
  type DomSize,
  type PatchDocument,
  type Steps,
} from '../engine/index.js';
import { runHookCall, type CallResult, type HookCall, type HookDeps } from './hook-call.js';

/**
 * The reply's domain: when nothing changed, the very bytes received, so a pass-through is
 * byte-exact; else the patched text, which the encoder writes as UTF-8 straight into the reply
 * (a 4 MiB domain is not copied to a Buffer first: the sidecar has 64M).
 */
export type DomainReply = Buffer | string;

function* patchedBytes(
  bytes: Buffer,
  xml: string,
  documents: readonly PatchDocument[],
  context: CallContext,
): Steps<ApplyOutcome<DomainReply>> {
  const outcome = yield* applyDomainSteps(xml, documents, context);
  if (!outcome.ok) return outcome;
  return { ...outcome, value: outcome.value === xml ? bytes : outcome.value };
}

export function patchDomain(
  deps: HookDeps,
  call: HookCall,
  field: string,
  domain: Buffer,
  vmi: Buffer,
): Promise<CallResult<DomainReply>> {
  // measured once: the call's node budget shares the heap with it, the engine admits the domain by it
  let domSize: DomSize | undefined;
  const heapBytes = (xml: string): number => (domSize = domSizeOf(xml)).bytes;
  return runHookCall(
    deps,
    call,
    { field, bytes: domain, replyFields: 1, heapBytes },
    vmi,
    (xml, documents, context) =>
      patchedBytes(
        domain,
        xml,
        documents,
        domSize === undefined ? context : { ...context, domSize },
      ),
  );
}
