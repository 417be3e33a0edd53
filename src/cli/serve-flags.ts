/** `hookpatch serve`'s flags and environment, read into the settings the servers start with. */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type NodeInfo, type Limits } from '../engine/index.js';
import type { SocketSettings } from '../hook/hook-servers.js';
import { LEGACY_VERSIONS, type LegacyVersion } from '../hook/legacy-versions.js';
import { LIMIT_FLAG_OPTIONS, LIMIT_FLAG_USAGE, parseLimitFlags } from './limit-flags.js';
import { nodeFromEnv } from './node-from-env.js';

export const USAGE = `usage: hookpatch serve [--patch PATH]... [--socket-dir DIR] [--plugin-socket PATH] [--version V]
                       [--name NAME] [--annotations=true|false] [--annotation-policy FILE] [--cloud-init]
                       [--max-receive-bytes N] [--call-deadline SECONDS] ${LIMIT_FLAG_USAGE}`;

const DEFAULT_PATCH_DIR = '/etc/hookpatch';
const DEFAULT_SOCKET_DIR = '/var/run/kubevirt-hooks';
/** grpc-go's default receive limit, which virt-launcher's side also has. */
const DEFAULT_MAX_RECEIVE_BYTES = 4 * 1024 * 1024;
/**
 * A call still running after this fails with DEADLINE_EXCEEDED: well inside virt-launcher's
 * minute at 200m CPU, where a 2,000-disk domain takes about a second.
 */
const DEFAULT_CALL_DEADLINE_SECONDS = 10;

/** Everything `serve`'s flags and environment say. */
export interface ServeSettings extends SocketSettings {
  readonly patchPaths: readonly string[];
  /** `--annotation-policy FILE`, read once at start */
  readonly annotationPolicy: string | undefined;
  /** the node this sidecar runs on (`NODE_NAME`), CEL's `node` */
  readonly node: NodeInfo;
  /** `--call-deadline`: a call still running after it fails with DEADLINE_EXCEEDED */
  readonly callDeadlineMs: number;
  /** the `--max-*` flags */
  readonly limits?: Limits;
}

export type Parsed =
  | { readonly ok: true; readonly settings: ServeSettings }
  | { readonly ok: false; readonly message: string }
  | { readonly ok: 'help' };

function boolFlag(value: string | undefined, flag: string): boolean | undefined | Error {
  if (value === undefined) return undefined;
  if (value === 'true' || value === 'false') return value === 'true';
  return new Error(`--${flag} takes true or false, not ${JSON.stringify(value)}`);
}

const SERVE_OPTIONS = {
  patch: { type: 'string', multiple: true },
  'socket-dir': { type: 'string' },
  'plugin-socket': { type: 'string' },
  version: { type: 'string' },
  name: { type: 'string' },
  annotations: { type: 'string' },
  'annotation-policy': { type: 'string' },
  'cloud-init': { type: 'boolean' },
  'max-receive-bytes': { type: 'string' },
  'call-deadline': { type: 'string' },
  ...LIMIT_FLAG_OPTIONS,
  help: { type: 'boolean', short: 'h' },
} as const;

type ServeValues = ReturnType<typeof parseArgs<{ options: typeof SERVE_OPTIONS }>>['values'];

/** The flags as written, or why they do not parse. */
function readServeArgs(argv: readonly string[]): ServeValues | Error {
  // `--annotations` alone means true; parseArgs wants a value for string options.
  const args = argv.map((arg) => (arg === '--annotations' ? '--annotations=true' : arg));
  try {
    return parseArgs({ args, strict: true, allowPositionals: false, options: SERVE_OPTIONS })
      .values;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** `--max-receive-bytes`, `--call-deadline` and the limit flags; a reply is bounded like a request. */
function callBounds(
  values: ServeValues,
): Pick<ServeSettings, 'maxReceiveBytes' | 'callDeadlineMs' | 'limits'> | Error {
  const maxReceiveBytes =
    values['max-receive-bytes'] === undefined
      ? DEFAULT_MAX_RECEIVE_BYTES
      : Number(values['max-receive-bytes']);
  if (!Number.isSafeInteger(maxReceiveBytes) || maxReceiveBytes <= 0)
    return new Error('--max-receive-bytes must be a positive integer');
  const deadline = Number(values['call-deadline'] ?? DEFAULT_CALL_DEADLINE_SECONDS);
  if (!Number.isFinite(deadline) || deadline <= 0)
    return new Error('--call-deadline must be a positive number of seconds');
  const flags = parseLimitFlags(values);
  if (flags instanceof Error) return flags;
  // a reply is a message too: virt-launcher's side has the same receive limit
  const limits = { ...flags, maxOutputBytes: maxReceiveBytes };
  return { maxReceiveBytes, callDeadlineMs: deadline * 1000, limits };
}

export function parseServeFlags(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  pid: number,
): Parsed {
  const values = readServeArgs(argv);
  if (values instanceof Error) return { ok: false, message: values.message };
  if (values.help === true) return { ok: 'help' };
  const version = values.version;
  const chosen = LEGACY_VERSIONS.find((known) => known === version);
  if (version !== undefined && chosen === undefined)
    return { ok: false, message: `--version must be one of ${LEGACY_VERSIONS.join(', ')}` };
  const annotations = boolFlag(values.annotations, 'annotations');
  if (annotations instanceof Error) return { ok: false, message: annotations.message };
  const bounds = callBounds(values);
  if (bounds instanceof Error) return { ok: false, message: bounds.message };
  const versions: readonly LegacyVersion[] = chosen === undefined ? LEGACY_VERSIONS : [chosen];
  const patchPaths = values.patch ?? (existsSync(DEFAULT_PATCH_DIR) ? [DEFAULT_PATCH_DIR] : []);
  return {
    ok: true,
    settings: {
      name: values.name ?? 'hookpatch',
      versions,
      patchPaths,
      socketDir: values['socket-dir'] ?? DEFAULT_SOCKET_DIR,
      socketOwner: env.CONTAINER_NAME ?? String(pid),
      pluginSocket: values['plugin-socket'],
      // A plugin is the administrator's, run for every VM: with --plugin-socket no socket of the
      // process reads the VM owner's annotation unless --annotations=true says so.
      annotations: annotations ?? values['plugin-socket'] === undefined,
      annotationPolicy: values['annotation-policy'],
      cloudInit: values['cloud-init'] === true,
      node: nodeFromEnv(env),
      ...bounds,
    },
  };
}
