/**
 * KubeVirt's CloudInitData JSON at the PreCloudInitIso hook: parsed from and written back in Go's
 * encoding/json form.
 */
import { isRecord } from '../is-record.js';
import { fail, ok, type Outcome } from '../errors.js';
import { defineMember, ownMember, withMember, type JsonObject } from './json-value.js';

/**
 * The input is (docs/kubevirt.md#precloudinitiso) `json.Marshal` of a Go struct without json tags, so the members are
 * Go field names in declaration order (`DataSource`, `NoCloudMetaData`, `ConfigDriveMetaData`,
 * `UserData`, `NetworkData`, `DevicesData`, `VolumeName`), absent metadata is `null`, and
 * `<`, `>`, `&` arrive as `\u003c`, `\u003e`, `\u0026` (JSON.parse reads them as the characters).
 * Errors: JSON_MALFORMED (not JSON, or not an object).
 */
export function parseCloudInitData(text: string): Outcome<JsonObject> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail(
      'JSON_MALFORMED',
      `cloudInitData is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!isRecord(value)) return fail('JSON_MALFORMED', 'cloudInitData is not a JSON object');
  return ok(value);
}

/** The characters Go's encoding/json escapes by default (HTML-safe output, and JavaScript's line separators). */
const GO_ESCAPED = /[<>&\u2028\u2029]/g;

/**
 * JSON as Go's `json.Marshal` writes it: compact, members in their current order, and `<`, `>`,
 * `&`, U+2028, U+2029 written as `\u003c`-style escapes. Those characters only occur inside
 * string literals of JSON.stringify's output, so the replacement never touches structure.
 * An unchanged CloudInitData comes out byte for byte as Go wrote it (maps with more than ten
 * integer-like keys aside: JavaScript orders those numerically, Go lexically).
 */
export function formatGoJson(value: unknown): string {
  return JSON.stringify(value).replace(
    GO_ESCAPED,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * The legacy `cloudInitNoCloudSource` reply: KubeVirt's `CloudInitNoCloudSource` with only
 * `userData` and `networkData` (`json:"userData,omitempty"`, `json:"networkData,omitempty"`),
 * taken from the CloudInitData so that both replies say the same thing.
 */
export function formatNoCloudSource(data: JsonObject): string {
  const source: JsonObject = {};
  for (const [field, name] of [
    ['UserData', 'userData'],
    ['NetworkData', 'networkData'],
  ] as const) {
    const member = ownMember(data, field);
    if (member.found && typeof member.value === 'string' && member.value !== '')
      defineMember(source, name, member.value);
  }
  return formatGoJson(source);
}

/** An empty cloud-config: what cloud-init reads as no user data. */
export const EMPTY_CLOUD_CONFIG = '#cloud-config\n';

/**
 * KubeVirt's `IsValidCloudInitData` discards a reply whose UserData is empty although it has
 * metadata, and rebuilds the data from the legacy source, losing the metadata (hostname, keys,
 * instance type), VolumeName and DevicesData. So a reply with metadata never has empty UserData:
 * it gets an empty `#cloud-config`, which means the same to cloud-init. Without metadata KubeVirt
 * falls back whatever the UserData, and the data is left as it is.
 */
export function acceptedByKubevirt(data: JsonObject): JsonObject {
  const userData = ownMember(data, 'UserData');
  if (userData.found && typeof userData.value === 'string' && userData.value !== '') return data;
  const metadata = (['NoCloudMetaData', 'ConfigDriveMetaData'] as const).some((field) => {
    const member = ownMember(data, field);
    return member.found && isRecord(member.value);
  });
  return metadata ? withMember(data, 'UserData', EMPTY_CLOUD_CONFIG) : data;
}
