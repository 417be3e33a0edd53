/**
 * A message object to protobuf bytes by its field table (proto3: default values are left out), in
 * one allocation: a 4 MiB domain is copied once into the reply, behind room for gRPC's frame header.
 */
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

/** One field as written: its key (and length, or int32 value), then its payload, not yet copied. */
interface Piece {
  readonly head: readonly number[];
  readonly payload?: Uint8Array | string;
  readonly payloadBytes: number;
}

/** A bytes field may also be given as text, written as UTF-8 (the patched domain, never copied to a Buffer first). */
function payloadOf(spec: FieldSpec, value: unknown): Uint8Array | string {
  switch (spec.type.kind) {
    case 'string':
      if (typeof value !== 'string') throw new TypeError(`${spec.name}: a string is needed`);
      return value;
    case 'bytes':
      if (typeof value === 'string' || value instanceof Uint8Array) return value;
      throw new TypeError(`${spec.name}: a Buffer is needed`);
    case 'message':
      if (typeof value !== 'object' || value === null)
        throw new TypeError(`${spec.name}: an object is needed`);
      return encodeMessage(spec.type.fields, value);
    case 'int32':
      throw new TypeError(`${spec.name}: an int32 is not length-delimited`);
  }
}

function pieceOf(spec: FieldSpec, value: unknown): Piece {
  const key = varint((spec.number << 3) | wireTypeOf(spec.type));
  if (spec.type.kind === 'int32') {
    if (typeof value !== 'number' || !Number.isInteger(value))
      throw new TypeError(`${spec.name}: an integer is needed`);
    return { head: [...key, ...varint(value | 0)], payloadBytes: 0 };
  }
  const payload = payloadOf(spec, value);
  const payloadBytes =
    typeof payload === 'string' ? Buffer.byteLength(payload, 'utf8') : payload.byteLength;
  return { head: [...key, ...varint(payloadBytes)], payload, payloadBytes };
}

/** proto3 leaves out scalar fields that hold their default value (a present message is written, even empty). */
function isDefault(value: unknown): boolean {
  return value === 0 || value === '' || (value instanceof Uint8Array && value.byteLength === 0);
}

function piecesOf(fields: MessageFields, message: object): Piece[] {
  const pieces: Piece[] = [];
  for (const spec of fields) {
    const value: unknown = Object.getOwnPropertyDescriptor(message, spec.name)?.value;
    if (value === undefined || value === null) continue;
    if (spec.repeated === true) {
      if (!Array.isArray(value)) throw new TypeError(`${spec.name}: an array is needed`);
      for (const item of value) pieces.push(pieceOf(spec, item));
    } else if (spec.type.kind === 'message' || !isDefault(value)) {
      pieces.push(pieceOf(spec, value));
    }
  }
  return pieces;
}

/**
 * The message's bytes after `reserve` zero bytes (gRPC's frame header, grpc-framing.ts). A value
 * of the wrong type is a bug of the caller: it throws a TypeError.
 */
export function encodeMessage(fields: MessageFields, message: object, reserve = 0): Buffer {
  const pieces = piecesOf(fields, message);
  const size = pieces.reduce((sum, piece) => sum + piece.head.length + piece.payloadBytes, 0);
  const bytes = Buffer.allocUnsafe(reserve + size);
  bytes.fill(0, 0, reserve);
  let at = reserve;
  for (const piece of pieces) {
    for (const byte of piece.head) bytes[at++] = byte;
    if (typeof piece.payload === 'string') bytes.write(piece.payload, at, 'utf8');
    else if (piece.payload !== undefined) bytes.set(piece.payload, at);
    at += piece.payloadBytes;
  }
  return bytes;
}
