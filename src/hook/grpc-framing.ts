/**
 * gRPC's length-prefixed messages on an HTTP/2 stream (grpc/doc/PROTOCOL-HTTP2.md): one byte of
 * compressed-flag, four of big-endian length, the message. Reading stops at the receive limit as
 * soon as a message's declared length exceeds it, before its bytes arrive.
 */

/** The frame header's bytes: an encoder reserves them in front of a message (protobuf-encode.ts). */
export const FRAME_PREFIX = 5;
const PREFIX = FRAME_PREFIX;

/** Writes the frame header into the FRAME_PREFIX bytes reserved in front of the message: no copy of it. */
export function frameInPlace(reserved: Buffer): Buffer {
  reserved.writeUInt8(0, 0);
  reserved.writeUInt32BE(reserved.length - PREFIX, 1);
  return reserved;
}

export type ReadOutcome =
  | { readonly kind: 'message'; readonly compressed: boolean; readonly message: Buffer }
  | { readonly kind: 'none' }
  | { readonly kind: 'too large'; readonly length: number }
  | { readonly kind: 'more than one' }
  | { readonly kind: 'truncated' };

/**
 * Collects a unary call's request body: at most one message, at most `maxBytes` long. Once the
 * header declares the length, the body is copied into one buffer of that size as it arrives, so
 * a 4 MiB request holds 4 MiB, not its chunks and their concatenation besides.
 */
export class UnaryBody {
  /** the chunks until the header is complete, then the one body buffer */
  private chunks: Buffer[] = [];
  private body: Buffer | undefined;
  private received = 0;
  private readonly maxBytes: number;

  constructor(maxBytes: number) {
    this.maxBytes = maxBytes;
  }

  /** Adds a DATA chunk; an outcome when the body is already refused, else undefined. */
  add(chunk: Buffer): ReadOutcome | undefined {
    const at = this.received;
    this.received += chunk.length;
    if (this.body !== undefined) return this.copy(chunk, at);
    this.chunks.push(chunk);
    if (this.received < PREFIX) return undefined;
    const head = this.chunks.length === 1 ? chunk : Buffer.concat(this.chunks);
    this.chunks = [];
    const length = head.readUInt32BE(1);
    if (length > this.maxBytes) return { kind: 'too large', length };
    this.body = Buffer.allocUnsafe(PREFIX + length);
    return this.copy(head, 0);
  }

  private copy(chunk: Buffer, at: number): ReadOutcome | undefined {
    const body = this.body;
    if (body === undefined || at + chunk.length > body.length) return { kind: 'more than one' };
    chunk.copy(body, at);
    return undefined;
  }

  /** The outcome once the client has half-closed the stream. */
  end(): ReadOutcome {
    if (this.received === 0) return { kind: 'none' };
    const body = this.body;
    if (body === undefined || this.received < body.length) return { kind: 'truncated' };
    return { kind: 'message', compressed: body[0] !== 0, message: body.subarray(PREFIX) };
  }
}
