/**
 * The tests' grpc-go client (virt-launcher.go beside this file), built once offline with Debian's
 * golang-go and golang-google-grpc-dev into node_modules/.cache, and one call through it: a
 * process per call, as virt-launcher dials per call.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildGoProgram } from '../../../bench/go-server.js';

const SOURCE = fileURLToPath(new URL('./virt-launcher.go', import.meta.url));
const BINARY = fileURLToPath(
  new URL('../../../node_modules/.cache/hookpatch-tests/grpc-go-virt-launcher', import.meta.url),
);

/** The built client's path; a clear error where Go or grpc-go is missing (CI installs both). */
export function goClient(): string {
  const built = buildGoProgram(SOURCE, BINARY);
  if ('reason' in built) throw new Error(`the grpc-go client does not build: ${built.reason}`);
  return built.path;
}

export type GoMethod =
  | '/kubevirt.hooks.info.Info/Info'
  | `/kubevirt.hooks.${'v1alpha1' | 'v1alpha2' | 'v1alpha3'}.Callbacks/OnDefineDomain`
  | `/kubevirt.hooks.${'v1alpha2' | 'v1alpha3'}.Callbacks/PreCloudInitIso`
  | '/kubevirt.hooks.v1alpha3.Callbacks/Shutdown'
  | '/kubevirt.hooks.plugins.v1alpha1.DomainHookService/MutateDomain';

/** One call: the method, the client's deadline, and the request's fields (bytes as Buffers). */
export interface GoCall {
  readonly socket: string;
  readonly method: GoMethod;
  readonly deadlineMs: number;
  readonly domainXML?: Buffer;
  readonly vmi?: Buffer;
  readonly cloudInitData?: Buffer;
  readonly cloudInitNoCloudSource?: Buffer;
  readonly domainType?: string;
  readonly domain?: Buffer;
  readonly invocationContext?: string;
}

/** The status as grpc-go's client reports it (`OK`, `ResourceExhausted`, …) and the reply's fields. */
export interface GoOutcome {
  readonly code: string;
  readonly message: string;
  readonly elapsedMs: number;
  readonly reply?: Readonly<Record<string, unknown>>;
}

/** encoding/json reads []byte fields as base64 strings. */
function asJson(call: GoCall): string {
  return JSON.stringify(
    Object.fromEntries(
      Object.entries(call).map(([key, value]: [string, unknown]) => [
        key,
        Buffer.isBuffer(value) ? value.toString('base64') : value,
      ]),
    ),
  );
}

/** Runs one call; rejects only when the client itself fails (cannot dial, bad input). */
export function goCall(call: GoCall): Promise<GoOutcome> {
  const child = spawn(goClient(), [], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end(asJson(call));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0) reject(new Error(`grpc-go client exited ${code}: ${stderr.trim()}`));
      else resolve(JSON.parse(stdout) as GoOutcome);
    });
  });
}

/** A bytes field of the reply (encoding/json writes []byte as base64). */
export function replyBytes(outcome: GoOutcome, field: string): Buffer {
  const value = outcome.reply?.[field];
  if (typeof value !== 'string')
    throw new Error(`no bytes field ${field} in the reply (${outcome.code}: ${outcome.message})`);
  return Buffer.from(value, 'base64');
}
