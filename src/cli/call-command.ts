/**
 * `hookpatch call`: call a hook socket as virt-launcher does, for trying a sidecar out or
 * troubleshooting one inside a pod.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { status as grpcStatus, type ServiceError } from '@grpc/grpc-js';
import {
  callInfo,
  callMutateDomain,
  callOnDefineDomain,
  callPreCloudInitIso,
  callShutdown,
  chooseVersion,
  type CallOutcome,
  type HookInfo,
  type HookVersion,
} from '../client/hook-calls.js';
import { failWith, type Output } from './command-output.js';
import { readInput } from './read-input.js';
import { readVmi } from './read-vmi.js';
import { unifiedDiff } from './unified-diff.js';
import { UsageError } from './usage-error.js';

const ACTIONS = ['info', 'define', 'cloud-init', 'shutdown', 'mutate'] as const;
type Action = (typeof ACTIONS)[number];
/** The directory a hook sidecar sees its socket in (docs/kubevirt.md#sidecar-containers-and-socket-discovery). */
const DEFAULT_SOCKET_DIR = '/var/run/kubevirt-hooks';

const CALL_OPTIONS = {
  socket: { type: 'string', default: DEFAULT_SOCKET_DIR },
  version: { type: 'string' },
  domain: { type: 'string' },
  'cloud-init': { type: 'string' },
  vmi: { type: 'string' },
  context: { type: 'string', default: 'Boot' },
  diff: { type: 'boolean', default: false },
} as const;

/** What every action needs: the socket, the VMI as virt-launcher sends it, the input files and the printer. */
interface CallRun {
  readonly action: Action;
  readonly socket: string;
  readonly values: ReturnType<typeof parseCallArgs>['values'];
  /** compact JSON, as Go's json.Marshal writes the VMI */
  readonly vmiJson: string;
  readonly out: Output;
}

function parseCallArgs(argv: readonly string[]) {
  return parseArgs({ args: [...argv], allowPositionals: true, options: CALL_OPTIONS });
}

export async function runCall(argv: readonly string[], out: Output): Promise<number> {
  const { values, positionals } = parseCallArgs(argv);
  const action = ACTIONS.find((name) => name === positionals[0]);
  if (action === undefined || positionals.length > 1)
    throw new UsageError(`call needs one of ${ACTIONS.join(', ')}`);
  const socket = socketPath(values.socket);
  const vmi = readVmi(values.vmi);
  if (!vmi.ok) return failWith([vmi.error], out);
  const run: CallRun = { action, socket, values, vmiJson: JSON.stringify(vmi.vmi), out };
  switch (action) {
    case 'info':
      return report(await callInfo(socket), 'Info', out, (info) => out.stdout(infoText(info)));
    case 'shutdown':
      return report(await callShutdown(socket), 'Shutdown', out, () =>
        out.stdout('Shutdown answered\n'),
      );
    case 'mutate': {
      const domain = input(run, 'domain');
      const reply = await callMutateDomain(socket, domain, run.vmiJson, values.context);
      return report(reply, 'MutateDomain', out, (xml) => print(run, 'domain', domain, xml));
    }
    case 'define':
    case 'cloud-init':
      return callLegacy(run);
  }
}

/** The legacy Callbacks service: the version negotiated through Info first, as virt-launcher does. */
async function callLegacy(run: CallRun): Promise<number> {
  const { socket, out, vmiJson } = run;
  const version = await negotiate(socket, run.values.version, out);
  if (version === undefined) return 1;
  if (run.action === 'define') {
    const domain = input(run, 'domain');
    const reply = await callOnDefineDomain(socket, version, domain, vmiJson);
    return report(reply, 'OnDefineDomain', out, (xml) => print(run, 'domain', domain, xml));
  }
  if (version === 'v1alpha1') throw new UsageError('PreCloudInitIso needs v1alpha2 or v1alpha3');
  const data = input(run, 'cloud-init');
  const reply = await callPreCloudInitIso(socket, version, data, vmiJson);
  return report(reply, 'PreCloudInitIso', out, (patched) =>
    print(run, 'cloud-init', data, patched.cloudInitData),
  );
}

/** The file `--domain` or `--cloud-init` names, read. */
function input(run: CallRun, flag: 'domain' | 'cloud-init'): string {
  const file = run.values[flag];
  if (file === undefined) throw new UsageError(`call ${run.action} needs --${flag} FILE`);
  return readInput(file, flag);
}

/** The reply's text, or with `--diff` its difference from the input. */
function print(run: CallRun, flag: 'domain' | 'cloud-init', before: string, after: string): void {
  const name = run.values[flag] ?? '';
  run.out.stdout(run.values.diff ? unifiedDiff(name, before, after) : after);
}

/** `--socket` is the socket file, or a directory holding exactly one (a sidecar's `/var/run/kubevirt-hooks`). */
function socketPath(path: string): string {
  const info = statSync(path, { throwIfNoEntry: false });
  if (info === undefined) throw new UsageError(`socket ${path}: no such file or directory`);
  if (!info.isDirectory()) return path;
  // virt-launcher takes every non-directory entry of the socket directory for a socket
  // (docs/kubevirt.md#sidecar-containers-and-socket-discovery).
  const sockets = readdirSync(path)
    .map((name) => join(path, name))
    .filter((entry) => statSync(entry, { throwIfNoEntry: false })?.isDirectory() === false);
  if (sockets.length !== 1 || sockets[0] === undefined)
    throw new UsageError(`${path} holds ${sockets.length} sockets; name one with --socket FILE`);
  return sockets[0];
}

/** As virt-launcher: Info first, then the newest version it lists; `--version` skips the choice but not the check. */
async function negotiate(
  socket: string,
  wanted: string | undefined,
  out: Output,
): Promise<HookVersion | undefined> {
  const info = await callInfo(socket);
  if (!info.ok) return void report(info, 'Info', out, () => undefined);
  const version =
    wanted === undefined
      ? chooseVersion(info.value.versions)
      : chooseVersion(info.value.versions.filter((listed) => listed === wanted));
  if (version === undefined) {
    const listed = info.value.versions.join(', ') || 'no versions';
    const missing = wanted ?? 'none of v1alpha3, v1alpha2, v1alpha1';
    out.stderr(`hookpatch call: Info lists ${listed}; ${missing} is not among them\n`);
  }
  return version;
}

function infoText(info: HookInfo): string {
  const points = info.hookPoints
    .map((point) => `${point.name} (priority ${point.priority})`)
    .join(', ');
  return `name: ${info.name}\nversions: ${info.versions.join(', ')}\nhookPoints: ${points}\n`;
}

function report<T>(
  outcome: CallOutcome<T>,
  method: Action | string,
  out: Output,
  onOk: (value: T) => void,
): number {
  if (outcome.ok) {
    onOk(outcome.value);
    return 0;
  }
  out.stderr(
    `hookpatch call: ${method} failed: ${statusName(outcome.error)}: ${outcome.error.details}\n`,
  );
  return 1;
}

function statusName(error: ServiceError): string {
  return (
    Object.entries(grpcStatus).find(([, code]) => code === error.code)?.[0] ?? String(error.code)
  );
}
