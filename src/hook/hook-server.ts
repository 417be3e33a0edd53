/** A grpc-js server on one unix socket with the given services, and its graceful stop. */
import { Server, ServerCredentials, type UntypedServiceImplementation } from '@grpc/grpc-js';
import { serviceDefinition, type ServiceName } from './protocols.js';

export interface ServedService {
  readonly name: ServiceName;
  readonly implementation: UntypedServiceImplementation;
}

export interface ServerLimits {
  /** grpc-go's default receive limit is 4 MiB; larger requests are refused before they are parsed. */
  readonly maxReceiveBytes: number;
}

export function listen(
  socketPath: string,
  services: readonly ServedService[],
  limits: ServerLimits,
): Promise<Server> {
  const server = new Server({ 'grpc.max_receive_message_length': limits.maxReceiveBytes });
  for (const service of services)
    server.addService(serviceDefinition(service.name), service.implementation);
  return new Promise((resolve, reject) => {
    server.bindAsync(`unix:${socketPath}`, ServerCredentials.createInsecure(), (error) =>
      error === null ? resolve(server) : reject(error),
    );
  });
}

/** Let calls in flight finish (the Shutdown reply among them), but not for longer than `graceMs`. */
export function stopGracefully(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.forceShutdown();
      resolve();
    }, graceMs);
    timer.unref();
    server.tryShutdown(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
