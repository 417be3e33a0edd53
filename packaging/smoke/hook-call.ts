/** A tiny KubeVirt-side client for the image smoke test: one hook call over a unix socket, result on stdout. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Client, credentials, type ServiceError } from '@grpc/grpc-js';
import { loadSync, type MethodDefinition } from '@grpc/proto-loader';

const USAGE = 'usage: hook-call.ts info SOCKET | define SOCKET DOMAIN.xml VMI.json | shutdown SOCKET';
/** KUBEVIRT.md: virt-launcher gives Info 1 s; we allow more, the container has just started. */
const DEADLINE_MS = 5000;

/** The project's own wire definitions: every .proto under proto/, so file names are not our concern. */
const PROTO_DIR = fileURLToPath(new URL('../../proto/', import.meta.url));

function protoFiles(): string[] {
  return readdirSync(PROTO_DIR, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.proto')).sort();
}

function method(service: string, name: string): MethodDefinition<object, object> {
  const definition = loadSync(protoFiles(), { includeDirs: [PROTO_DIR], keepCase: true, defaults: true })[service];
  if (definition === undefined || 'format' in definition) throw new Error(`${service} is not a service in proto/`);
  const found = definition[name];
  if (found === undefined) throw new Error(`${service} has no method ${name}`);
  return found;
}

/** One unary call on a fresh connection, as virt-launcher makes them. */
function call(socket: string, service: string, name: string, request: object): Promise<object> {
  const definition = method(service, name);
  const client = new Client(`unix:${socket}`, credentials.createInsecure());
  return new Promise((resolve, reject) => {
    client.makeUnaryRequest(
      definition.path,
      definition.requestSerialize,
      definition.responseDeserialize,
      request,
      { deadline: Date.now() + DEADLINE_MS },
      (error: ServiceError | null, reply?: object) => {
        client.close();
        if (error !== null || reply === undefined) reject(error ?? new Error('empty reply'));
        else resolve(reply);
      },
    );
  });
}

function field(reply: object, name: string): unknown {
  return Object.entries(reply).find(([key]) => key === name)?.[1];
}

function names(value: unknown): string {
  if (!Array.isArray(value)) return '';
  return value.map((item: unknown) => (typeof item === 'object' && item !== null ? String(field(item, 'name')) : String(item))).join(',');
}

async function main(args: string[]): Promise<string> {
  const [command, socket, domainFile, vmiFile] = args;
  if (socket === undefined) throw new Error(USAGE);
  if (command === 'info') {
    const reply = await call(socket, 'kubevirt.hooks.info.Info', 'Info', {});
    return `name=${String(field(reply, 'name'))}\nversions=${names(field(reply, 'versions'))}\nhookPoints=${names(field(reply, 'hookPoints'))}\n`;
  }
  if (command === 'define' && domainFile !== undefined && vmiFile !== undefined) {
    const request = { domainXML: readFileSync(domainFile), vmi: readFileSync(vmiFile) };
    const reply = await call(socket, 'kubevirt.hooks.v1alpha3.Callbacks', 'OnDefineDomain', request);
    const domain = field(reply, 'domainXML');
    return Buffer.isBuffer(domain) ? domain.toString('utf8') : '';
  }
  if (command === 'shutdown') {
    await call(socket, 'kubevirt.hooks.v1alpha3.Callbacks', 'Shutdown', {});
    return 'shutdown answered\n';
  }
  throw new Error(USAGE);
}

main(process.argv.slice(2)).then(
  (output) => process.stdout.write(output),
  (error: unknown) => {
    process.stderr.write(`hook-call: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
