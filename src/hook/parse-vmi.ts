/** The VMI a call brings, parsed within the call's limits, and the names its log line gives. */
import {
  isRecord,
  jsonDeeperThan,
  jsonValuesAbout,
  type ErrorCode,
  type Limits,
  type PatchError,
} from '../engine/index.js';
import { utf8Text } from './request-fields.js';

export type VmiParse =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: PatchError };

const refused = (code: ErrorCode, message: string): VmiParse => ({
  ok: false,
  error: { code, message, location: { source: 'vmi' } },
});

/** The VMI as sent: compact JSON from virt-launcher; no bytes at all means no VMI. */
export function parseVmi(bytes: Buffer, limits: Limits): VmiParse {
  if (bytes.length === 0) return { ok: true, value: {} };
  const text = utf8Text(bytes, 'vmi');
  if (!text.ok) return text;
  // CEL's activation and cost estimate walk the VMI recursively
  if (jsonDeeperThan(text.text, limits.maxDepth))
    return refused('LIMIT_EXCEEDED', `nests more than ${limits.maxDepth} deep`);
  const values = jsonValuesAbout(text.text);
  if (values > limits.maxJsonValues)
    return refused('LIMIT_EXCEEDED', `about ${values} values, more than ${limits.maxJsonValues}`);
  try {
    const value: unknown = JSON.parse(text.text);
    // virt-launcher sends json.Marshal of the VMI object (docs/kubevirt.md#wire-protocols);
    // anything else is not a VMI
    if (!isRecord(value)) return refused('JSON_MALFORMED', 'not a JSON object');
    return { ok: true, value };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return refused('JSON_MALFORMED', `not valid JSON: ${reason}`);
  }
}

function metadataString(vmi: unknown, key: 'name' | 'namespace' | 'uid'): string | undefined {
  if (!isRecord(vmi) || !isRecord(vmi.metadata)) return undefined;
  const value = vmi.metadata[key];
  return typeof value === 'string' ? value : undefined;
}

/** The VM a call is for, as its log line names it. */
export function vmiSubject(vmi: VmiParse): Record<string, string | undefined> {
  if (!vmi.ok) return {};
  return {
    namespace: metadataString(vmi.value, 'namespace'),
    name: metadataString(vmi.value, 'name'),
    uid: metadataString(vmi.value, 'uid'),
  };
}
