/** OnDefineDomain and MutateDomain share one body: domain XML bytes and VMI bytes in, patched XML bytes out. */
import { applyDomain } from '../engine/index.js';
import { runHookCall, type CallResult, type HookCall, type HookDeps } from './hook-call.js';
import { utf8Text } from './request-fields.js';

export async function patchDomain(
  deps: HookDeps,
  call: HookCall,
  input: string,
  domain: Buffer,
  vmi: Buffer,
): Promise<CallResult<Buffer>> {
  const decoded = utf8Text(domain, input);
  if (!decoded.ok) return { ok: false, failure: { kind: 'request', message: decoded.message } };
  const xml = decoded.text;
  const field = { field: input, length: xml.length };
  const result = await runHookCall(deps, call, field, vmi, (documents, context) =>
    applyDomain(xml, documents, context),
  );
  if (!result.ok) return result;
  // Nothing changed: hand back the very bytes we got, so a pass-through is byte-exact.
  return { ok: true, value: result.value === xml ? domain : Buffer.from(result.value, 'utf8') };
}
