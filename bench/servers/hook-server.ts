/** A minimal KubeVirt hook server (Info + OnDefineDomain) around one domain transform: the comparison rows' common part. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  Server,
  ServerCredentials,
  status,
  type sendUnaryData,
  type ServerUnaryCall,
} from '@grpc/grpc-js';
import { bytesField, loadWire, type CallbacksVersion, type UnaryMethod } from '../wire.js';

/** The new domain XML, or an Error that becomes the call's status. */
export type DomainTransform = (domainXml: Buffer, vmi: Buffer) => Promise<Buffer>;

function register(
  server: Server,
  method: UnaryMethod,
  handler: (request: object) => Promise<object>,
): void {
  server.register(
    method.path,
    (call: ServerUnaryCall<object, object>, callback: sendUnaryData<object>) => {
      handler(call.request).then(
        (response) => callback(null, response),
        (error: unknown) =>
          callback({
            code: status.INTERNAL,
            details: error instanceof Error ? error.message : String(error),
          }),
      );
    },
    method.responseSerialize,
    method.requestDeserialize,
    'unary',
  );
}

/** `--socket-dir D --proto-dir P`: listen on `D/<name>-<pid>.sock` until SIGTERM, then remove it. */
export function serveHook(
  name: string,
  versions: readonly CallbacksVersion[],
  transform: DomainTransform,
): void {
  const { values } = parseArgs({
    options: { 'socket-dir': { type: 'string' }, 'proto-dir': { type: 'string' } },
  });
  const socketDir = values['socket-dir'];
  const protoDir = values['proto-dir'];
  if (socketDir === undefined || protoDir === undefined)
    throw new Error('usage: --socket-dir D --proto-dir P');
  const wire = loadWire(protoDir);
  const server = new Server();
  register(server, wire.info, () =>
    Promise.resolve({
      name,
      versions: [...versions],
      hookPoints: [{ name: 'OnDefineDomain', priority: 0 }],
    }),
  );
  for (const version of versions) {
    register(server, wire.onDefineDomain[version], async (request) => {
      const domainXML = await transform(
        bytesField(request, 'domainXML') ?? Buffer.alloc(0),
        bytesField(request, 'vmi') ?? Buffer.alloc(0),
      );
      return { domainXML };
    });
  }
  const socketPath = join(socketDir, `${name}-${process.pid}.sock`);
  server.bindAsync(`unix://${socketPath}`, ServerCredentials.createInsecure(), (error) => {
    if (error !== null) throw error;
  });
  const stop = (): void => {
    server.forceShutdown();
    rmSync(socketPath, { force: true });
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
