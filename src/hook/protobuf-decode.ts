/**
 * Protobuf bytes to a message object by its field table, as proto-loader's `defaults: true`
 * gives it: absent strings are '', bytes an empty Buffer, int32 0, repeated [], messages null;
 * unknown fields are skipped; bytes that are not such a message are a MalformedMessage.
 */
import {
  MalformedMessage,
  WIRE,
  wireTypeOf,
  type FieldSpec,
  type MessageFields,
} from './protobuf-fields.js';

class Reader {
  pos = 0;
  /** the low 32 bits of the last varint, for int32 */
  low = 0;

  readonly bytes: Buffer;

  constructor(bytes: Buffer) {
    this.bytes = bytes;
  }

  get done(): boolean {
    return this.pos >= this.bytes.length;
  }

  varint(): number {
    let value = 0;
    let scale = 1;
    this.low = 0;
    for (let i = 0; i < 10; i++) {
      const byte = this.bytes[this.pos++];
      if (byte === undefined) throw new MalformedMessage('truncated varint');
      if (i < 5) this.low |= (byte & 0x7f) << (7 * i);
      value += (byte & 0x7f) * scale;
      scale *= 128;
      if (byte < 0x80) return value;
    }
    throw new MalformedMessage('varint longer than ten bytes');
  }

  take(length: number): Buffer {
    if (length > this.bytes.length - this.pos) throw new MalformedMessage('truncated field');
    const slice = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    return slice;
  }

  skip(wireType: number): void {
    switch (wireType) {
      case WIRE.varint:
        this.varint();
        return;
      case WIRE.fixed64:
        this.take(8);
        return;
      case WIRE.lengthDelimited:
        this.take(this.varint());
        return;
      case WIRE.fixed32:
        this.take(4);
        return;
      default:
        throw new MalformedMessage(`unsupported wire type ${wireType}`);
    }
  }
}

function defaultOf(spec: FieldSpec): unknown {
  if (spec.repeated === true) return [];
  switch (spec.type.kind) {
    case 'string':
      return '';
    case 'bytes':
      return Buffer.alloc(0);
    case 'int32':
      return 0;
    case 'message':
      return null;
  }
}

function readValue(reader: Reader, spec: FieldSpec): unknown {
  switch (spec.type.kind) {
    case 'int32':
      reader.varint();
      return reader.low | 0;
    case 'string':
      return reader.take(reader.varint()).toString('utf8');
    case 'bytes':
      return reader.take(reader.varint());
    case 'message':
      return decodeMessage(spec.type.fields, reader.take(reader.varint()));
  }
}

export function decodeMessage(fields: MessageFields, bytes: Buffer): Record<string, unknown> {
  const message: Record<string, unknown> = {};
  for (const spec of fields) message[spec.name] = defaultOf(spec);
  const reader = new Reader(bytes);
  while (!reader.done) {
    const key = reader.varint();
    const number = Math.floor(key / 8);
    const wireType = key % 8;
    if (number === 0) throw new MalformedMessage('field number 0');
    const spec = fields.find((candidate) => candidate.number === number);
    if (spec === undefined) {
      reader.skip(wireType);
    } else if (wireType !== wireTypeOf(spec.type)) {
      throw new MalformedMessage(`field ${spec.name} has wire type ${wireType}`);
    } else if (spec.repeated === true) {
      (message[spec.name] as unknown[]).push(readValue(reader, spec));
    } else {
      message[spec.name] = readValue(reader, spec);
    }
  }
  return message;
}
