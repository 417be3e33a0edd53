/** A gRPC server for unary calls on one unix socket (node:http2, the codec in protocols.ts), and its graceful stop. */
import { createServer, type Http2Server, type ServerHttp2Session } from 'node:http2';
import { methodPath, SERVICES, type ServiceName } from './protocols.js';
import type { ServiceImplementation } from './unary-handler.js';
import { serveUnaryStream, type Route } from './unary-stream.js';

export interface ServedService {
  readonly name: ServiceName;
  readonly implementation: ServiceImplementation;
}

export interface ServerLimits {
  /** grpc-go's default receive limit is 4 MiB; larger requests are refused before they are parsed. */
  readonly maxReceiveBytes: number;
}

export interface HookServer {
  readonly server: Http2Server;
  /** the open connections, for the stop */
  readonly sessions: ReadonlySet<ServerHttp2Session>;
}

/** `:path` → method and handler; a method without a handler is answered UNIMPLEMENTED. */
function routes(services: readonly ServedService[]): Map<string, Route> {
  const table = new Map<string, Route>();
  for (const service of services) {
    for (const method of SERVICES[service.name]) {
      const handler = service.implementation[method.name];
      if (handler !== undefined)
        table.set(methodPath(service.name, method.name), { method, handler });
    }
  }
  return table;
}

export function listen(
  socketPath: string,
  services: readonly ServedService[],
  limits: ServerLimits,
): Promise<HookServer> {
  const table = routes(services);
  const sessions = new Set<ServerHttp2Session>();
  const server = createServer();
  server.on('stream', (stream, headers) =>
    serveUnaryStream(stream, headers, table.get(String(headers[':path'])), limits.maxReceiveBytes),
  );
  server.on('session', (session) => {
    sessions.add(session);
    session.once('close', () => sessions.delete(session));
    // a peer that breaks the connection is not an error of the server
    session.on('error', () => undefined);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => {
      server.off('error', reject);
      resolve({ server, sessions });
    });
  });
}

/** Stop at once: connections closed, calls in flight dropped. */
export function forceStop(hook: HookServer): void {
  hook.server.close();
  hook.sessions.forEach((session) => session.destroy());
}

/** Let calls in flight finish (the Shutdown reply among them), but not for longer than `graceMs`. */
export function stopGracefully(hook: HookServer, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      forceStop(hook);
      resolve();
    }, graceMs);
    timer.unref();
    hook.server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    // GOAWAY: no new calls on open connections; each closes once its calls are answered
    hook.sessions.forEach((session) => session.close());
  });
}
