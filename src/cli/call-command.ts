/** `hookpatch call`: call a hook socket as virt-launcher does, for trying a sidecar out or troubleshooting one inside a pod. */
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
import { failWith, type Output } from './apply-command.js';
import { readInput } from './read-input.js';
import { readVmi } from './read-vmi.js';
import { unifiedDiff } from './unified-diff.js';
import { UsageError } from './usage-error.js';

const ACTIONS = ['info', 'define', 'cloud-init', 'shutdown', 'mutate'] as const;
type Action = (typeof ACTIONS)[number];
/** The directory a hook sidecar sees its socket in (KUBEVIRT.md). */
const DEFAULT_SOCKET_DIR = '/var/run/kubevirt-hooks';

export async function runCall(argv: readonly string[], out: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      socket: { type: 'string', default: DEFAULT_SOCKET_DIR },
      version: { type: 'string' },
      domain: { type: 'string' },
      'cloud-init': { type: 'string' },
      vmi: { type: 'string' },
      context: { type: 'string', default: 'Boot' },
      diff: { type: 'boolean', default: false },
    },
  });
  const action = ACTIONS.find((name) => name === positionals[0]);
  if (action === undefined || positionals.length > 1)
    throw new UsageError(`call needs one of ${ACTIONS.join(', ')}`);
  const socket = socketPath(values.socket);
  const vmi = readVmi(values.vmi);
  if (!vmi.ok) return failWith([vmi.error], out);
  // virt-launcher sends the VMI as Go's json.Marshal writes it: compact JSON.
  const vmiJson = JSON.stringify(vmi.vmi);
  const input = (flag: 'domain' | 'cloud-init'): string => {
    const file = values[flag];
    if (file === undefined) throw new UsageError(`call ${action} needs --${flag} FILE`);
    return readInput(file, flag);
  };
  const print = (name: string, before: string, after: string): void =>
    out.stdout(values.diff ? unifiedDiff(name, before, after) : after);
  switch (action) {
    case 'info':
      return report(await callInfo(socket), 'Info', out, (info) => out.stdout(infoText(info)));
    case 'shutdown':
      return report(await callShutdown(socket), 'Shutdown', out, () =>
        out.stdout('Shutdown answered\n'),
      );
    case 'mutate': {
      const domain = input('domain');
      return report(
        await callMutateDomain(socket, domain, vmiJson, values.context),
        'MutateDomain',
        out,
        (xml) => print(values.domain ?? '', domain, xml),
      );
    }
    case 'define':
    case 'cloud-init': {
      const version = await negotiate(socket, values.version, out);
      if (version === undefined) return 1;
      if (action === 'define') {
        const domain = input('domain');
        return report(
          await callOnDefineDomain(socket, version, domain, vmiJson),
          'OnDefineDomain',
          out,
          (xml) => print(values.domain ?? '', domain, xml),
        );
      }
      if (version === 'v1alpha1')
        throw new UsageError('PreCloudInitIso needs v1alpha2 or v1alpha3');
      const data = input('cloud-init');
      return report(
        await callPreCloudInitIso(socket, version, data, vmiJson),
        'PreCloudInitIso',
        out,
        (reply) => print(values['cloud-init'] ?? '', data, reply.cloudInitData),
      );
    }
  }
}

/** `--socket` is the socket file, or a directory holding exactly one (a sidecar's `/var/run/kubevirt-hooks`). */
function socketPath(path: string): string {
  const info = statSync(path, { throwIfNoEntry: false });
  if (info === undefined) throw new UsageError(`socket ${path}: no such file or directory`);
  if (!info.isDirectory()) return path;
  // KUBEVIRT.md: every non-directory entry of the socket directory is taken for a socket.
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
  if (version === undefined)
    out.stderr(
      `hookpatch call: Info lists ${info.value.versions.join(', ') || 'no versions'}; ${wanted ?? 'none of v1alpha3, v1alpha2, v1alpha1'} is not among them\n`,
    );
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
