/** The gRPC status codes hookpatch answers with (grpc/doc/statuscodes.md), and a status as sent. */

export const GRPC_CODE = {
  OK: 0,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  FAILED_PRECONDITION: 9,
  RESOURCE_EXHAUSTED: 8,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
} as const;

export type GrpcCode = (typeof GRPC_CODE)[keyof typeof GRPC_CODE];

/** A call's outcome other than OK: `grpc-status` and `grpc-message` in the trailers. */
export interface GrpcStatus {
  readonly code: GrpcCode;
  readonly details: string;
}
