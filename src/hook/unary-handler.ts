/** A protocol's async call body as a unary handler that never rejects: every failure becomes a gRPC status. */
import type { GrpcStatus } from './grpc-codes.js';
import { internalStatus, toGrpcStatus } from './grpc-status.js';
import type { CallResult } from './hook-call.js';
import type { Log } from './log.js';

export type UnaryReply =
  | { readonly ok: true; readonly message: object }
  | { readonly ok: false; readonly status: GrpcStatus };

/** Receives the decoded request message (proto-loader's `defaults: true` shape). */
export type UnaryHandler = (request: Readonly<Record<string, unknown>>) => Promise<UnaryReply>;

/** A service's handlers by method name. */
export type ServiceImplementation = Readonly<Record<string, UnaryHandler>>;

export type CallBody = (request: unknown) => Promise<CallResult<object>>;

export function unaryHandler(name: string, log: Log, body: CallBody): UnaryHandler {
  return (request) =>
    body(request).then(
      (result): UnaryReply =>
        result.ok
          ? { ok: true, message: result.value }
          : { ok: false, status: toGrpcStatus(result.errors) },
      (error: unknown): UnaryReply => {
        // A bug, not a patch error: log it with its stack and answer INTERNAL instead of crashing the sidecar.
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        log.error(`${name} crashed`, { error: message });
        return { ok: false, status: internalStatus(name, error) };
      },
    );
}
