/** `hookpatch serve`: the KubeVirt hook sidecar process — start-up, signals, and a clean exit. */
import { mkdir } from 'node:fs/promises';
import { stderrLog, type Log } from '../hook/log.js';
import type { RunningServers } from '../hook/hook-servers.js';
import { removeSocketFile } from '../hook/socket-file.js';
import { parseServeFlags, USAGE } from './serve-flags.js';

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
    const { startServing } = await import('./start-serving.js');
    const servers = await startServing(parsed.settings, log, (path) => sockets.add(path));
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
