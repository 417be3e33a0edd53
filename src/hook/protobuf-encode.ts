/** A message object to protobuf bytes by its field table (proto3: default values are left out). */
import { wireTypeOf, type FieldSpec, type MessageFields } from './protobuf-fields.js';

function varint(value: number): number[] {
  const bytes: number[] = [];
  // a negative int32 is sign-extended to 64 bits, ten bytes, as protobuf writes it
  let rest = value >= 0 ? BigInt(value) : BigInt.asUintN(64, BigInt(value));
  while (rest >= 0x80n) {
    bytes.push(Number(rest & 0x7fn) | 0x80);
    rest >>= 7n;
  }
  bytes.push(Number(rest));
  return bytes;
}

function payloadOf(spec: FieldSpec, value: unknown): Buffer {
  switch (spec.type.kind) {
    case 'string':
      if (typeof value !== 'string') throw new TypeError(`${spec.name}: a string is needed`);
      return Buffer.from(value, 'utf8');
    case 'bytes':
      if (!(value instanceof Uint8Array)) throw new TypeError(`${spec.name}: a Buffer is needed`);
      return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    case 'message':
      if (typeof value !== 'object' || value === null)
        throw new TypeError(`${spec.name}: an object is needed`);
      return encodeMessage(spec.type.fields, value);
    case 'int32':
      throw new TypeError(`${spec.name}: an int32 is not length-delimited`);
  }
}

function encodeField(spec: FieldSpec, value: unknown): Buffer {
  const key = varint((spec.number << 3) | wireTypeOf(spec.type));
  if (spec.type.kind === 'int32') {
    if (typeof value !== 'number' || !Number.isInteger(value))
      throw new TypeError(`${spec.name}: an integer is needed`);
    return Buffer.from([...key, ...varint(value | 0)]);
  }
  const payload = payloadOf(spec, value);
  return Buffer.concat([Buffer.from([...key, ...varint(payload.length)]), payload]);
}

/** proto3 leaves out scalar fields that hold their default value (a present message is written, even empty). */
function isDefault(value: unknown): boolean {
  return value === 0 || value === '' || (value instanceof Uint8Array && value.byteLength === 0);
}

/** A value of the wrong type is a bug of the caller: it throws a TypeError. */
export function encodeMessage(fields: MessageFields, message: object): Buffer {
  const parts: Buffer[] = [];
  for (const spec of fields) {
    const value: unknown = Object.getOwnPropertyDescriptor(message, spec.name)?.value;
    if (value === undefined || value === null) continue;
    if (spec.repeated === true) {
      if (!Array.isArray(value)) throw new TypeError(`${spec.name}: an array is needed`);
      for (const item of value) parts.push(encodeField(spec, item));
    } else if (spec.type.kind === 'message' || !isDefault(value)) {
      parts.push(encodeField(spec, value));
    }
  }
  return Buffer.concat(parts);
}
