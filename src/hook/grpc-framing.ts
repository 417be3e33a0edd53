/**
 * gRPC's length-prefixed messages on an HTTP/2 stream (grpc/doc/PROTOCOL-HTTP2.md): one byte of
 * compressed-flag, four of big-endian length, the message. Reading stops at the receive limit as
 * soon as a message's declared length exceeds it, before its bytes arrive.
 */

const PREFIX = 5;

export function frameMessage(message: Buffer): Buffer {
  const framed = Buffer.allocUnsafe(PREFIX + message.length);
  framed.writeUInt8(0, 0);
  framed.writeUInt32BE(message.length, 1);
  message.copy(framed, PREFIX);
  return framed;
}

export type ReadOutcome =
  | { readonly kind: 'message'; readonly compressed: boolean; readonly message: Buffer }
  | { readonly kind: 'none' }
  | { readonly kind: 'too large'; readonly length: number }
  | { readonly kind: 'more than one' }
  | { readonly kind: 'truncated' };

/** Collects a unary call's request body: at most one message, at most `maxBytes` long. */
export class UnaryBody {
  private readonly chunks: Buffer[] = [];
  private received = 0;
  private readonly maxBytes: number;

  constructor(maxBytes: number) {
    this.maxBytes = maxBytes;
  }

  /** Adds a DATA chunk; an outcome when the body is already refused, else undefined. */
  add(chunk: Buffer): ReadOutcome | undefined {
    this.chunks.push(chunk);
    this.received += chunk.length;
    let head = this.chunks[0];
    if (head === undefined || this.received < PREFIX) return undefined;
    if (head.length < PREFIX) {
      head = Buffer.concat(this.chunks);
      this.chunks.splice(0, this.chunks.length, head);
    }
    const length = head.readUInt32BE(1);
    if (length > this.maxBytes) return { kind: 'too large', length };
    if (this.received > PREFIX + length) return { kind: 'more than one' };
    return undefined;
  }

  /** The outcome once the client has half-closed the stream. */
  end(): ReadOutcome {
    if (this.received === 0) return { kind: 'none' };
    const only = this.chunks.length === 1 ? this.chunks[0] : undefined;
    const body = only ?? Buffer.concat(this.chunks);
    if (body.length < PREFIX) return { kind: 'truncated' };
    const length = body.readUInt32BE(1);
    if (body.length < PREFIX + length) return { kind: 'truncated' };
    if (body.length > PREFIX + length) return { kind: 'more than one' };
    return { kind: 'message', compressed: body[0] !== 0, message: body.subarray(PREFIX) };
  }
}
