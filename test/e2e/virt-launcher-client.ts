/** virt-launcher's side for the end-to-end tests: socket discovery, and calls through the product's client (`src/client/`). */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { chooseVersion as chooseListed, type HookVersion } from '../../src/client/hook-calls.js';
import { callUnary, type Reply } from '../../src/client/unary-call.js';
import type { ServiceName } from '../../src/hook/protocols.js';

export type { Reply };

/** KUBEVIRT.md: every non-directory entry of the socket directory is taken for a socket. */
export async function discoverSockets(dir: string, timeoutMs = 15_000): Promise<readonly string[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const names = await readdir(dir).catch(() => []);
    const files = [];
    for (const name of names)
      if (!(await stat(join(dir, name))).isDirectory()) files.push(join(dir, name));
    if (files.length > 0) return files;
    if (Date.now() > until) throw new Error(`no socket appeared in ${dir}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** One unary call on a fresh connection, closed afterwards, as virt-launcher dials for every call (the product's own client). */
export function call(
  socket: string,
  service: ServiceName,
  method: string,
  request: object,
  deadlineMs = 60_000,
): Promise<Reply> {
  return callUnary(socket, service, method, request, deadlineMs);
}

/** The newest of v1alpha3 > v1alpha2 > v1alpha1 that Info lists, as virt-launcher chooses. */
export function chooseVersion(versions: unknown): HookVersion | undefined {
  return chooseListed(Array.isArray(versions) ? versions : []);
}

export function bytes(reply: Reply, field: string): string {
  if (!reply.ok) throw new Error(`call failed: ${reply.error.details}`);
  const value = reply.message[field];
  if (!Buffer.isBuffer(value)) throw new Error(`reply has no bytes field ${field}`);
  return value.toString('utf8');
}
