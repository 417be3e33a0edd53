/** The one guard for a plain object read from JSON, YAML or a decoded message: not null, not an array. */

export type UnknownRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
