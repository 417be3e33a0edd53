/**
 * The calls virt-launcher makes on a hook socket — Info, OnDefineDomain, PreCloudInitIso, Shutdown,
 * MutateDomain — with typed replies.
 */
import type { ServiceError } from '@grpc/grpc-js';
import type { ServiceName } from '../hook/protocols.js';
import { callUnary, type Reply } from './unary-call.js';

export type HookVersion = 'v1alpha1' | 'v1alpha2' | 'v1alpha3';
export type CallOutcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ServiceError };

export interface HookInfo {
  readonly name: string;
  readonly versions: readonly string[];
  readonly hookPoints: readonly { readonly name: string; readonly priority: number }[];
}

export interface CloudInitReply {
  readonly cloudInitData: string;
  readonly cloudInitNoCloudSource: string;
}

/**
 * virt-launcher gives Info 1 s and the callbacks 1 minute (docs/kubevirt.md#deadlines-and-message-sizes);
 * a person in a pod can wait a little longer for Info.
 */
export const INFO_DEADLINE_MS = 5_000;
export const CALL_DEADLINE_MS = 60_000;

const NEWEST_FIRST: readonly HookVersion[] = ['v1alpha3', 'v1alpha2', 'v1alpha1'];

/** "It uses the newest of v1alpha3 > v1alpha2 > v1alpha1 that Info lists." */
export function chooseVersion(versions: readonly unknown[]): HookVersion | undefined {
  return NEWEST_FIRST.find((version) => versions.includes(version));
}

export async function callInfo(socket: string): Promise<CallOutcome<HookInfo>> {
  return map(
    await callUnary(socket, 'kubevirt.hooks.info.Info', 'Info', {}, INFO_DEADLINE_MS),
    (message) => ({
      name: String(message['name'] ?? ''),
      versions: list(message['versions']).map(String),
      hookPoints: list(message['hookPoints']).map((point) => ({
        name: String(field(point, 'name') ?? ''),
        priority: Number(field(point, 'priority') ?? 0),
      })),
    }),
  );
}

/** The domain XML and the VMI as compact JSON, as virt-launcher sends them; the reply's domain XML. */
export async function callOnDefineDomain(
  socket: string,
  version: HookVersion,
  domainXml: string,
  vmiJson: string,
): Promise<CallOutcome<string>> {
  const request = { domainXML: Buffer.from(domainXml), vmi: Buffer.from(vmiJson) };
  return map(
    await callUnary(socket, callbacks(version), 'OnDefineDomain', request, CALL_DEADLINE_MS),
    (message) => text(message['domainXML']),
  );
}

/**
 * CloudInitData JSON in; virt-launcher also sends the legacy `{userData, networkData}` source,
 * derived from it here.
 */
export async function callPreCloudInitIso(
  socket: string,
  version: Exclude<HookVersion, 'v1alpha1'>,
  cloudInitData: string,
  vmiJson: string,
): Promise<CallOutcome<CloudInitReply>> {
  const parsed = parseOrUndefined(cloudInitData);
  const legacy = JSON.stringify({
    userData: field(parsed, 'UserData') ?? '',
    networkData: field(parsed, 'NetworkData') ?? '',
  });
  const request = {
    cloudInitData: Buffer.from(cloudInitData),
    cloudInitNoCloudSource: Buffer.from(legacy),
    vmi: Buffer.from(vmiJson),
  };
  return map(
    await callUnary(socket, callbacks(version), 'PreCloudInitIso', request, CALL_DEADLINE_MS),
    (message) => ({
      cloudInitData: text(message['cloudInitData']),
      cloudInitNoCloudSource: text(message['cloudInitNoCloudSource']),
    }),
  );
}

/** Shutdown exists only in v1alpha3: virt-launcher calls it after QEMU exits. */
export async function callShutdown(socket: string): Promise<CallOutcome<null>> {
  return map(
    await callUnary(socket, 'kubevirt.hooks.v1alpha3.Callbacks', 'Shutdown', {}, CALL_DEADLINE_MS),
    () => null,
  );
}

/** The plugin API: no Info, `domain_type` libvirt, the invocation context in `sidecar_context`. */
export async function callMutateDomain(
  socket: string,
  domainXml: string,
  vmiJson: string,
  invocationContext: string,
): Promise<CallOutcome<string>> {
  const request = {
    domain_type: 'libvirt',
    domain: Buffer.from(domainXml),
    vmi: Buffer.from(vmiJson),
    sidecar_context: { invocation_context: invocationContext },
  };
  return map(
    await callUnary(
      socket,
      'kubevirt.hooks.plugins.v1alpha1.DomainHookService',
      'MutateDomain',
      request,
      CALL_DEADLINE_MS,
    ),
    (message) => text(message['domain']),
  );
}

function callbacks(version: HookVersion): ServiceName {
  return `kubevirt.hooks.${version}.Callbacks`;
}

function map<T>(reply: Reply, read: (message: Record<string, unknown>) => T): CallOutcome<T> {
  return reply.ok ? { ok: true, value: read(reply.message) } : reply;
}

function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null
    ? Object.entries(value).find(([name]) => name === key)?.[1]
    : undefined;
}

/** A request that is not JSON still goes out as given: the server is the one to judge it. */
function parseOrUndefined(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

function text(value: unknown): string {
  return Buffer.isBuffer(value) ? value.toString('utf8') : '';
}
