/** Wraps a protocol's async call body as a grpc-js unary handler that never throws: every failure becomes a status. */
import type { sendUnaryData, ServerUnaryCall, UntypedHandleCall } from '@grpc/grpc-js';
import { toServiceError } from './grpc-status.js';
import type { CallResult } from './hook-call.js';
import type { Log } from './log.js';

export type CallBody = (request: unknown) => Promise<CallResult<object>>;

export function unaryHandler(name: string, log: Log, body: CallBody): UntypedHandleCall {
  return (call: ServerUnaryCall<unknown, object>, callback: sendUnaryData<object>): void => {
    body(call.request).then(
      (result) =>
        result.ok ? callback(null, result.value) : callback(toServiceError(result.failure)),
      (error: unknown) => {
        // A bug, not a patch error: log it with its stack and answer INTERNAL instead of crashing the sidecar.
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        log.error(`${name} crashed`, { error: message });
        callback(
          toServiceError({
            kind: 'internal',
            message: `${name}: internal error: ${error instanceof Error ? error.message : String(error)}`,
          }),
        );
      },
    );
  };
}
