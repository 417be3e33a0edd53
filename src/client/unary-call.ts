/**
 * One unary gRPC call on a fresh connection to a hook socket, dialled the way virt-launcher dials
 * (docs/kubevirt.md#sidecar-containers-and-socket-discovery).
 */
import { resolve } from 'node:path';
import { Client, credentials, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { serviceDefinition, type ServiceName } from '../hook/protocols.js';

export type Reply =
  | { readonly ok: true; readonly message: Record<string, unknown> }
  | { readonly ok: false; readonly error: ServiceError };

/**
 * virt-launcher dials with a 2 s timeout, insecure, authority `localhost`, a new connection for
 * every call.
 * grpc-js would otherwise share one connection between clients through its global subchannel pool.
 */
const DIAL_OPTIONS = { 'grpc.default_authority': 'localhost', 'grpc.use_local_subchannel_pool': 1 };

/** Dial `unix://<absolute path>`, make one call, close the connection; a gRPC failure is returned, not thrown. */
export function callUnary(
  socket: string,
  service: ServiceName,
  method: string,
  request: object,
  deadlineMs: number,
): Promise<Reply> {
  const definition = serviceDefinition(service)[method];
  if (definition === undefined) throw new Error(`${service} has no method ${method}`);
  const client = new Client(
    `unix://${resolve(socket)}`,
    credentials.createInsecure(),
    DIAL_OPTIONS,
  );
  return new Promise((settle) => {
    client.makeUnaryRequest(
      definition.path,
      definition.requestSerialize,
      definition.responseDeserialize,
      request,
      new Metadata(),
      { deadline: Date.now() + deadlineMs },
      (error, message) => {
        client.close();
        if (error !== null) settle({ ok: false, error });
        else if (typeof message === 'object' && message !== null)
          settle({ ok: true, message: { ...message } });
        else settle({ ok: false, error: emptyReply() });
      },
    );
  });
}

function emptyReply(): ServiceError {
  return Object.assign(new Error('empty reply'), {
    code: status.INTERNAL,
    details: 'empty reply',
    metadata: new Metadata(),
  });
}
