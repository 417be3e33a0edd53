/** A gRPC client that behaves like virt-launcher: discovers `*.sock` files, dials per call with authority `localhost`. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Client, credentials, Metadata, type ServiceError } from '@grpc/grpc-js';
import { serviceDefinition, type ServiceName } from '../../src/hook/protocols.js';

export type Reply = { readonly ok: true; readonly message: Record<string, unknown> } | { readonly ok: false; readonly error: ServiceError };

/** KUBEVIRT.md: every non-directory entry of the socket directory is taken for a socket. */
export async function discoverSockets(dir: string, timeoutMs = 15_000): Promise<readonly string[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const names = await readdir(dir).catch(() => []);
    const files = [];
    for (const name of names) if (!(await stat(join(dir, name))).isDirectory()) files.push(join(dir, name));
    if (files.length > 0) return files;
    if (Date.now() > until) throw new Error(`no socket appeared in ${dir}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** One unary call on a fresh connection, closed afterwards, as virt-launcher dials for every call. */
export function call(socket: string, service: ServiceName, method: string, request: object, deadlineMs = 60_000): Promise<Reply> {
  const definition = serviceDefinition(service)[method];
  if (definition === undefined) throw new Error(`${service} has no ${method}`);
  const client = new Client(`unix:${socket}`, credentials.createInsecure(), { 'grpc.default_authority': 'localhost' });
  return new Promise((resolve) => {
    client.makeUnaryRequest(
      definition.path,
      definition.requestSerialize,
      definition.responseDeserialize,
      request,
      new Metadata(),
      { deadline: Date.now() + deadlineMs },
      (error, message) => {
        client.close();
        if (error !== null) resolve({ ok: false, error });
        else if (isRecord(message)) resolve({ ok: true, message });
        else resolve({ ok: false, error: Object.assign(new Error('empty reply'), { code: 13, details: 'empty reply', metadata: new Metadata() }) });
      },
    );
  });
}

/** The newest of v1alpha3 > v1alpha2 > v1alpha1 that Info lists, as virt-launcher chooses. */
export function chooseVersion(versions: unknown): 'v1alpha1' | 'v1alpha2' | 'v1alpha3' | undefined {
  const listed = Array.isArray(versions) ? versions : [];
  return (['v1alpha3', 'v1alpha2', 'v1alpha1'] as const).find((version) => listed.includes(version));
}

export function bytes(reply: Reply, field: string): string {
  if (!reply.ok) throw new Error(`call failed: ${reply.error.details}`);
  const value = reply.message[field];
  if (!Buffer.isBuffer(value)) throw new Error(`reply has no bytes field ${field}`);
  return value.toString('utf8');
}
