/**
 * How a unary call is answered on its HTTP/2 stream (grpc/doc/PROTOCOL-HTTP2.md): headers, one
 * length-prefixed message and `grpc-status: 0` in the trailers; or a failure's status and
 * percent-encoded message in the headers alone ("Trailers-Only"). Once, whatever comes later.
 */
import type { ServerHttp2Stream } from 'node:http2';
import type { GrpcStatus } from './grpc-codes.js';
import { frameInPlace } from './grpc-framing.js';
import { percentEncoded } from './grpc-headers.js';

const CONTENT_TYPE = 'application/grpc+proto';

/** Answers a stream once; later answers (a reply after its deadline) are dropped. */
export function unaryReply(stream: ServerHttp2Stream) {
  let answered = false;
  const open = (): boolean => !answered && !stream.destroyed && !stream.closed;
  return {
    get answered(): boolean {
      return answered;
    },
    status(status: GrpcStatus): void {
      if (!open()) return;
      answered = true;
      stream.respond(
        {
          ':status': 200,
          'content-type': CONTENT_TYPE,
          'grpc-status': String(status.code),
          'grpc-message': percentEncoded(status.details),
        },
        { endStream: true },
      );
    },
    /** `reserved`: the message encoded behind FRAME_PREFIX reserved bytes (encodeMessage's `reserve`) */
    message(reserved: Buffer): void {
      if (!open()) return;
      answered = true;
      stream.respond({ ':status': 200, 'content-type': CONTENT_TYPE }, { waitForTrailers: true });
      stream.once('wantTrailers', () => stream.sendTrailers({ 'grpc-status': '0' }));
      stream.end(frameInPlace(reserved));
    },
  };
}

export type UnaryReply = ReturnType<typeof unaryReply>;
