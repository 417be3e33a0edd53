/** OnDefineDomain and MutateDomain share one body: domain XML bytes and VMI bytes in, patched XML bytes out. */
import {
  applyDomainSteps,
  type ApplyOutcome,
  type CallContext,
  type PatchDocument,
  type Steps,
} from '../engine/index.js';
import { runHookCall, type CallResult, type HookCall, type HookDeps } from './hook-call.js';

/**
 * The patched domain as reply bytes: when nothing changed, the very bytes received, so a
 * pass-through is byte-exact.
 */
function* patchedBytes(
  bytes: Buffer,
  xml: string,
  documents: readonly PatchDocument[],
  context: CallContext,
): Steps<ApplyOutcome<Buffer>> {
  const outcome = yield* applyDomainSteps(xml, documents, context);
  if (!outcome.ok) return outcome;
  yield;
  const value = outcome.value === xml ? bytes : Buffer.from(outcome.value, 'utf8');
  return { ...outcome, value };
}

export function patchDomain(
  deps: HookDeps,
  call: HookCall,
  field: string,
  domain: Buffer,
  vmi: Buffer,
): Promise<CallResult<Buffer>> {
  return runHookCall(deps, call, { field, bytes: domain }, vmi, (xml, documents, context) =>
    patchedBytes(domain, xml, documents, context),
  );
}
