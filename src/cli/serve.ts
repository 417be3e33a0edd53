/** `hookpatch serve`: the KubeVirt hook sidecar process — flags, start-up, signals, and a clean exit. */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { LEGACY_VERSIONS, type LegacyVersion } from '../hook/legacy-versions.js';
import { stderrLog, type Log } from '../hook/log.js';
import type { RunningServers, ServeSettings } from '../hook/hook-servers.js';
import { removeSocketFile } from '../hook/socket-file.js';
import { LIMIT_FLAG_OPTIONS, LIMIT_FLAG_USAGE, parseLimitFlags } from './limit-flags.js';
import { nodeFromEnv } from './node-from-env.js';

const USAGE = `usage: hookpatch serve [--patch PATH]... [--socket-dir DIR] [--plugin-socket PATH] [--version V]
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

type Parsed =
  | { readonly ok: true; readonly settings: ServeSettings }
  | { readonly ok: false; readonly message: string }
  | { readonly ok: 'help' };

function boolFlag(value: string | undefined, flag: string): boolean | undefined | Error {
  if (value === undefined) return undefined;
  if (value === 'true' || value === 'false') return value === 'true';
  return new Error(`--${flag} takes true or false, not ${JSON.stringify(value)}`);
}

export function parseServeFlags(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  pid: number,
): Parsed {
  // `--annotations` alone means true; parseArgs wants a value for string options.
  const args = argv.map((arg) => (arg === '--annotations' ? '--annotations=true' : arg));
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
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
      },
    }));
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help === true) return { ok: 'help' };
  const version = values.version;
  const chosen = LEGACY_VERSIONS.find((known) => known === version);
  if (version !== undefined && chosen === undefined)
    return { ok: false, message: `--version must be one of ${LEGACY_VERSIONS.join(', ')}` };
  const annotations = boolFlag(values.annotations, 'annotations');
  if (annotations instanceof Error) return { ok: false, message: annotations.message };
  const maxReceiveBytes =
    values['max-receive-bytes'] === undefined
      ? DEFAULT_MAX_RECEIVE_BYTES
      : Number(values['max-receive-bytes']);
  if (!Number.isSafeInteger(maxReceiveBytes) || maxReceiveBytes <= 0)
    return { ok: false, message: '--max-receive-bytes must be a positive integer' };
  const deadline = Number(values['call-deadline'] ?? DEFAULT_CALL_DEADLINE_SECONDS);
  if (!Number.isFinite(deadline) || deadline <= 0)
    return { ok: false, message: '--call-deadline must be a positive number of seconds' };
  const flags = parseLimitFlags(values);
  if (flags instanceof Error) return { ok: false, message: flags.message };
  // a reply is a message too: virt-launcher's side has the same receive limit
  const limits = { ...flags, maxOutputBytes: maxReceiveBytes };
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
      maxReceiveBytes,
      callDeadlineMs: deadline * 1000,
      limits,
    },
  };
}

/**
 * Signals that stop the server like SIGTERM: their default would kill the process and leave its
 * socket behind, which costs virt-launcher a dial timeout per poll.
 */
const STOP_SIGNALS: readonly NodeJS.Signals[] = [
  'SIGTERM',
  'SIGINT',
  'SIGHUP',
  'SIGQUIT',
  'SIGUSR2',
];

/**
 * SIGUSR1 would open the V8 inspector on 127.0.0.1:9229, which every container of the pod can
 * reach: a listener of our own replaces Node's (the image also passes --disable-sigusr1 where its
 * Node has it, which closes the moment before this runs).
 */
export function refuseInspectorSignal(log: Log): void {
  process.on('SIGUSR1', () =>
    log.warning('SIGUSR1 ignored: the inspector is not opened by a signal'),
  );
}

/** Resolves with what asked the server to stop: the Shutdown call or a stop signal. */
function stopRequest(servers: RunningServers): Promise<string> {
  let stopping = false;
  return new Promise<string>((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      // A second signal while calls drain: leave now; the exit handler still removes the socket files.
      if (stopping) process.exit(1);
      stopping = true;
      resolve(signal);
    };
    for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
    servers.onShutdown(() => {
      stopping = true;
      resolve('Shutdown');
    });
  });
}

/** How the process was started, for its first log line. */
export interface Startup {
  /** whether V8 took the build's code cache for dist/cli/serve.cjs (cli/serve-bundle.ts) */
  readonly codeCache: string;
}

/** Serves until Shutdown or a stop signal; 0 then, 1 when it cannot start, 2 for bad flags. */
export async function runServe(argv: string[], startup?: Startup): Promise<number> {
  const log = stderrLog();
  refuseInspectorSignal(log);
  const parsed = parseServeFlags(argv, process.env, process.pid);
  if (parsed.ok === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!parsed.ok) {
    log.error(`hookpatch serve: ${parsed.message}`, { usage: USAGE });
    return 2;
  }
  const sockets = new Set<string>();
  const removeSockets = (): void =>
    sockets.forEach((path) => {
      try {
        removeSocketFile(path);
      } catch (error) {
        log.warning('could not remove the socket file', {
          socket: path,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    });
  // Every way out removes our socket files: a stale one costs virt-launcher a dial timeout per poll.
  process.once('exit', removeSockets);
  process.once('uncaughtException', (error) => {
    log.error('hookpatch serve crashed', { error: error.stack ?? error.message });
    removeSockets();
    process.exit(1);
  });
  if (startup !== undefined && startup.codeCache !== 'not a bundle')
    log.info('starting', { codeCache: startup.codeCache });
  try {
    await mkdir(parsed.settings.socketDir, { recursive: true });
    // Loaded only now: a bad flag is reported before gRPC and the engine are read from disk.
    const { startHookServers } = await import('../hook/hook-servers.js');
    const servers = await startHookServers(parsed.settings, log, (path) => sockets.add(path));
    const reason = await stopRequest(servers);
    log.info('stopping', { reason });
    await servers.stop();
    removeSockets();
    log.info('stopped', { reason });
    return 0;
  } catch (error) {
    log.error('hookpatch serve could not start', {
      error: error instanceof Error ? error.message : String(error),
    });
    removeSockets();
    return 1;
  }
}
