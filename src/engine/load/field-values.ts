/** Typed reads of a schema-validated document value: the schema has already said what each field holds. */
import { isRecord } from '../is-record.js';

export type Fields = Readonly<Record<string, unknown>>;

export function fieldsAt(fields: Fields, key: string): Fields {
  const value = fields[key];
  return isRecord(value) ? value : {};
}

export function listAt(fields: Fields, key: string): readonly unknown[] {
  const value = fields[key];
  return Array.isArray(value) ? value : [];
}

export function stringAt(fields: Fields, key: string): string | undefined {
  const value = fields[key];
  return typeof value === 'string' ? value : undefined;
}

/** XML values may be written as numbers or booleans; they mean their string form. */
export function textAt(fields: Fields, key: string): string | undefined {
  const value = fields[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function booleanAt(fields: Fields, key: string, fallback: boolean): boolean {
  const value = fields[key];
  return typeof value === 'boolean' ? value : fallback;
}

export function integerAt(fields: Fields, key: string): number | undefined {
  const value = fields[key];
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/** The string entries of a mapping, in written order. */
export function stringEntries(fields: Fields, key: string): [string, string][] {
  return Object.entries(fieldsAt(fields, key)).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string',
  );
}
