/** Calls a hook socket the way virt-launcher does: a new grpc-js client (and connection) for every call. */
import { Client, credentials, type ServiceError } from '@grpc/grpc-js';
import type { UnaryMethod } from './wire.js';

/** grpc-js shares connections between clients through a global pool; virt-launcher dials afresh each time. */
const DIAL_OPTIONS = { 'grpc.default_authority': 'localhost', 'grpc.use_local_subchannel_pool': 1 };

export type CallResult =
  | { readonly ok: true; readonly ms: number; readonly response: object }
  | { readonly ok: false; readonly ms: number; readonly error: string };

/** Dial, call once, close; `ms` is the wall time of all three. */
export function callOnce(
  socketPath: string,
  method: UnaryMethod,
  request: object,
  deadlineMs: number,
): Promise<CallResult> {
  const started = performance.now();
  const client = new Client(`unix://${socketPath}`, credentials.createInsecure(), DIAL_OPTIONS);
  return new Promise((resolve) => {
    client.makeUnaryRequest(
      method.path,
      method.requestSerialize,
      method.responseDeserialize,
      request,
      { deadline: Date.now() + deadlineMs },
      (error: ServiceError | null, response?: object) => {
        client.close();
        const ms = performance.now() - started;
        if (error !== null || response === undefined)
          resolve({ ok: false, ms, error: error?.details ?? 'empty response' });
        else resolve({ ok: true, ms, response });
      },
    );
  });
}
