/**
 * The field tables that describe a protobuf message for protobuf-encode.ts and protobuf-decode.ts:
 * only the proto3 shapes KubeVirt's hook messages use (string, bytes, int32, nested messages,
 * repeated).
 */

export type FieldKind =
  | { readonly kind: 'string' }
  | { readonly kind: 'bytes' }
  | { readonly kind: 'int32' }
  | { readonly kind: 'message'; readonly fields: MessageFields };

export interface FieldSpec {
  readonly name: string;
  readonly number: number;
  readonly type: FieldKind;
  readonly repeated?: boolean;
}

export type MessageFields = readonly FieldSpec[];

/** Bytes that are not a message of the expected type. */
export class MalformedMessage extends Error {}

/** Wire types (protobuf encoding guide): varint, 64-bit, length-delimited, 32-bit. */
export const WIRE = { varint: 0, fixed64: 1, lengthDelimited: 2, fixed32: 5 } as const;

export function wireTypeOf(type: FieldKind): number {
  return type.kind === 'int32' ? WIRE.varint : WIRE.lengthDelimited;
}
