/** Calls the virt-launcher-like client cannot make: cancelled or abandoned mid-call, and many over one shared connection. */
import { Client, credentials, Metadata, type ClientUnaryCall } from '@grpc/grpc-js';
import { serviceDefinition, type ServiceName } from '../../src/hook/protocols.js';

export interface OpenCall {
  readonly client: Client;
  readonly call: ClientUnaryCall;
  /** settles when the call ends, however it ends; true when a reply arrived */
  readonly done: Promise<boolean>;
}

export function connect(socket: string): Client {
  return new Client(`unix:${socket}`, credentials.createInsecure(), {
    'grpc.default_authority': 'localhost',
  });
}

/** Starts a unary call on `client` (a fresh one unless given) and returns at once. */
export function startCall(
  socket: string,
  service: ServiceName,
  method: string,
  request: object,
  client: Client = connect(socket),
): OpenCall {
  const definition = serviceDefinition(service)[method];
  if (definition === undefined) throw new Error(`${service} has no ${method}`);
  let settle: (replied: boolean) => void = () => undefined;
  const done = new Promise<boolean>((resolve) => (settle = resolve));
  const call = client.makeUnaryRequest(
    definition.path,
    definition.requestSerialize,
    definition.responseDeserialize,
    request,
    new Metadata(),
    { deadline: Date.now() + 30_000 },
    (error) => settle(error === null),
  );
  return { client, call, done };
}
