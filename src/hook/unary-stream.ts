/**
 * One HTTP/2 stream as a gRPC unary call (grpc/doc/PROTOCOL-HTTP2.md): the request headers
 * checked, one message read within the receive limit and decoded, the handler run, and the
 * reply sent as headers, one message and trailers — or a status alone ("Trailers-Only").
 */
import type { IncomingHttpHeaders, ServerHttp2Stream } from 'node:http2';
import { GRPC_CODE, type GrpcStatus } from './grpc-codes.js';
import { FRAME_PREFIX, UnaryBody, type ReadOutcome } from './grpc-framing.js';
import { timeoutMs } from './grpc-headers.js';
import { decodeMessage } from './protobuf-decode.js';
import { encodeMessage } from './protobuf-encode.js';
import type { UnaryMethod } from './protocols.js';
import type { UnaryHandler } from './unary-handler.js';
import { unaryReply, type UnaryReply } from './unary-reply.js';

export interface Route {
  readonly method: UnaryMethod;
  readonly handler: UnaryHandler;
}

/** Node's timers hold at most 2^31 - 1 ms; a longer deadline is as good as none. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/** The status for a request body that is not exactly one acceptable message. */
function bodyStatus(outcome: ReadOutcome, path: string, maxBytes: number): GrpcStatus | undefined {
  switch (outcome.kind) {
    case 'message':
      return outcome.compressed
        ? {
            code: GRPC_CODE.UNIMPLEMENTED,
            details: `${path}: compressed requests are not accepted`,
          }
        : undefined;
    case 'too large':
      return {
        code: GRPC_CODE.RESOURCE_EXHAUSTED,
        details: `Received message larger than max (${outcome.length} vs. ${maxBytes})`,
      };
    case 'none':
      return { code: GRPC_CODE.UNIMPLEMENTED, details: `${path}: no request message` };
    case 'more than one':
      return { code: GRPC_CODE.UNIMPLEMENTED, details: `${path}: more than one request message` };
    case 'truncated':
      return { code: GRPC_CODE.INTERNAL, details: `${path}: the request message is cut short` };
  }
}

async function answer(
  route: Route,
  request: Buffer,
  path: string,
  reply: UnaryReply,
): Promise<void> {
  let decoded: Record<string, unknown>;
  try {
    decoded = decodeMessage(route.method.request, request);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    reply.status({
      code: GRPC_CODE.INVALID_ARGUMENT,
      details: `${path}: not a valid request message: ${why}`,
    });
    return;
  }
  const result = await route.handler(decoded);
  if (!result.ok) return reply.status(result.status);
  try {
    reply.message(encodeMessage(route.method.response, result.message, FRAME_PREFIX));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    reply.status({
      code: GRPC_CODE.INTERNAL,
      details: `${path}: the reply does not encode: ${why}`,
    });
  }
}

/** Arms the `grpc-timeout` deadline; false when the header is malformed (answered INTERNAL). */
function armDeadline(
  stream: ServerHttp2Stream,
  headers: IncomingHttpHeaders,
  reply: UnaryReply,
): boolean {
  const ms = timeoutMs(headers['grpc-timeout']);
  if (ms === undefined || ms > LONGEST_TIMER_MS) return true;
  if (Number.isNaN(ms)) {
    reply.status({
      code: GRPC_CODE.INTERNAL,
      details: `invalid grpc-timeout ${JSON.stringify(headers['grpc-timeout'])}`,
    });
    return false;
  }
  const timer = setTimeout(
    () => reply.status({ code: GRPC_CODE.DEADLINE_EXCEEDED, details: 'Deadline exceeded' }),
    ms,
  );
  stream.once('close', () => clearTimeout(timer));
  return true;
}

export function serveUnaryStream(
  stream: ServerHttp2Stream,
  headers: IncomingHttpHeaders,
  route: Route | undefined,
  maxReceiveBytes: number,
): void {
  // a client that resets its stream is not an error of the server
  stream.on('error', () => undefined);
  const path = String(headers[':path']);
  const contentType = headers['content-type'];
  if (
    headers[':method'] !== 'POST' ||
    typeof contentType !== 'string' ||
    !contentType.startsWith('application/grpc')
  ) {
    stream.respond({ ':status': headers[':method'] === 'POST' ? 415 : 405 }, { endStream: true });
    return;
  }
  const reply = unaryReply(stream);
  if (route === undefined) {
    reply.status({
      code: GRPC_CODE.UNIMPLEMENTED,
      details: `The server does not implement the method ${path}`,
    });
    return;
  }
  if (!armDeadline(stream, headers, reply)) return;
  const body = new UnaryBody(maxReceiveBytes);
  const refuse = (outcome: ReadOutcome): void => {
    const status = bodyStatus(outcome, path, maxReceiveBytes);
    if (status !== undefined) reply.status(status);
  };
  stream.on('data', (chunk: Buffer) => {
    if (reply.answered) return;
    const outcome = body.add(chunk);
    if (outcome !== undefined) refuse(outcome);
  });
  stream.once('end', () => {
    if (reply.answered) return;
    const outcome = body.end();
    if (outcome.kind !== 'message' || outcome.compressed) return refuse(outcome);
    answer(route, outcome.message, path, reply).catch((error: unknown) =>
      reply.status({ code: GRPC_CODE.INTERNAL, details: `${path}: ${String(error)}` }),
    );
  });
}
