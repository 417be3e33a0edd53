/** The one place where a failed hook call becomes a gRPC status that virt-launcher shows on the VMI. */
import { formatError, type ErrorCode, type PatchError } from '../engine/index.js';
import { GRPC_CODE, type GrpcCode, type GrpcStatus } from './grpc-codes.js';

/** Codes that describe the input virt-launcher sent, not a patch document. */
const INPUT_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'XML_MALFORMED',
  'JSON_MALFORMED',
  'DOCTYPE_REFUSED',
  'REQUEST_INVALID',
]);

/** The request fields an error about the input is located in (hook-call names them as the error's source). */
const REQUEST_FIELDS: ReadonlySet<string> = new Set([
  'domainXML',
  'domain',
  'cloudInitData',
  'vmi',
]);

/**
 * A patch error is about the request when no document is named in its location and it has an input code
 * or lies in a request field (e.g. LIMIT_EXCEEDED for a domain nested too deep).
 */
function isInputError(error: PatchError): boolean {
  if (error.location.document !== undefined) return false;
  return INPUT_CODES.has(error.code) || REQUEST_FIELDS.has(error.location.source ?? '');
}

/** Every error on its own line, each `FILE:LINE:COL: document NAME, operation N (op PATH): message [CODE]`. */
export function failureMessage(errors: readonly PatchError[]): string {
  return errors.map(formatError).join('\n');
}

/**
 * Errors about the request are INVALID_ARGUMENT; the rest (documents, sources, limits of the work)
 * FAILED_PRECONDITION, unless the call itself ran out of heap or time.
 */
export function grpcCode(errors: readonly PatchError[]): GrpcCode {
  // the last line of defence (src/engine/meter.ts): the call, not its input, was too much
  if (errors.some((error) => error.code === 'RESOURCE_EXHAUSTED'))
    return GRPC_CODE.RESOURCE_EXHAUSTED;
  if (errors.some((error) => error.code === 'DEADLINE_EXCEEDED'))
    return GRPC_CODE.DEADLINE_EXCEEDED;
  return errors.length > 0 && errors.every(isInputError)
    ? GRPC_CODE.INVALID_ARGUMENT
    : GRPC_CODE.FAILED_PRECONDITION;
}

/**
 * The details travel in an HTTP/2 trailer: one far over the peer's header list limit loses the whole
 * reply (the client waits for its deadline), so an error that echoes a huge path or lists thousands
 * of errors is cut in the middle, keeping the first error's place and the last error's `[CODE]`;
 * the log line keeps all of it.
 */
const DETAILS_HEAD = 6144;
const DETAILS_TAIL = 2048;

function bounded(details: string): string {
  if (details.length <= DETAILS_HEAD + DETAILS_TAIL) return details;
  const cut = details.length - DETAILS_HEAD - DETAILS_TAIL;
  const note = `(${cut} characters cut, see the sidecar's log)`;
  return `${details.slice(0, DETAILS_HEAD)} … ${note} … ${details.slice(-DETAILS_TAIL)}`;
}

export function toGrpcStatus(errors: readonly PatchError[]): GrpcStatus {
  return { code: grpcCode(errors), details: bounded(failureMessage(errors)) };
}

/** A bug, not a failure of the call's input: INTERNAL, naming the method. */
export function internalStatus(method: string, error: unknown): GrpcStatus {
  const text = error instanceof Error ? error.message : String(error);
  return { code: GRPC_CODE.INTERNAL, details: `${method}: internal error: ${text}` };
}
