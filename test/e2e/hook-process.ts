/** Starts `hookpatch serve` as a child process in a fresh temporary directory and watches it until it exits. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { imageCommand, readImageRuntime } from '../../packaging/image-runtime.js';
import { builtBundle } from '../built-bundle.js';
import { discoverSockets } from './virt-launcher-client.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface HookProcess {
  readonly child: ChildProcess;
  /** `<tmp>/hooks/<container>`: the directory virt-launcher sees for this sidecar */
  readonly socketDir: string;
  readonly tmp: string;
  readonly exited: Promise<number | null>;
  /** stderr so far, one JSON log line per entry */
  logLines(): readonly string[];
}

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'hookpatch-e2e-'));
}

/**
 * `args` may use `{tmp}` for the process's temporary directory; `--socket-dir` is added unless given.
 * The process is killed when the test ends, so a failed assertion never leaves a server behind.
 */
export async function startHook(
  t: TestContext,
  args: readonly string[],
  options: {
    readonly tmp?: string;
    readonly env?: NodeJS.ProcessEnv;
    /** with the image's ENTRYPOINT node flags and ENV, read from the Dockerfile */
    readonly image?: boolean;
    /** e.g. a sidecar cgroup's `wrap`, to run the server inside it */
    readonly wrap?: (
      command: string,
      args: readonly string[],
    ) => { command: string; args: string[] };
  } = {},
): Promise<HookProcess> {
  const tmp = options.tmp ?? (await tempDir());
  const socketDir = join(tmp, 'hooks', 'hook-sidecar-0');
  const expanded = args.map((arg) => arg.replaceAll('{tmp}', tmp));
  const withDir = expanded.some((arg) => arg.startsWith('--socket-dir'))
    ? expanded
    : [...expanded, '--socket-dir', socketDir];
  // The built bundle the image runs (`hookpatch serve …`): it starts in a third of the CPU time the
  // sources take through tsx, and it is the artefact that ships.
  const base = { ...process.env, CONTAINER_NAME: 'hook-sidecar-0', ...options.env };
  const bundle = builtBundle();
  const node =
    options.image === true
      ? imageCommand(readImageRuntime(ROOT), ROOT, process.execPath, base)
      : { command: process.execPath, args: [bundle], env: base };
  const plain = { command: node.command, args: [...node.args, 'serve', ...withDir] };
  const run = options.wrap?.(plain.command, plain.args) ?? plain;
  const child = spawn(run.command, run.args, {
    env: node.env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  t.after(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return {
    child,
    socketDir,
    tmp,
    exited,
    logLines: () => stderr.split('\n').filter((line) => line !== ''),
  };
}

/** Whether something listens on the socket: its file exists a moment before the server listens on it. */
function accepts(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const connection = createConnection(socket);
    connection.once('connect', () => {
      connection.destroy();
      resolve(true);
    });
    connection.once('error', () => resolve(false));
  });
}

/** The one socket the hook created, once it accepts connections; `stale` names a file left by an earlier run, to wait past. */
export async function socketOf(hook: HookProcess, stale?: string): Promise<string> {
  for (;;) {
    const sockets = await discoverSockets(hook.socketDir);
    const fresh = sockets.filter((socket) => socket !== stale);
    if (sockets.length === 1 && fresh[0] !== undefined && (await accepts(fresh[0])))
      return fresh[0];
    if (fresh.length > 1 || hook.child.exitCode !== null)
      throw new Error(`expected one socket, found ${sockets.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Parsed log lines, for asserting on fields. */
export function logRecords(hook: HookProcess): readonly Record<string, unknown>[] {
  return hook.logLines().flatMap((line) => {
    try {
      const record: unknown = JSON.parse(line);
      return typeof record === 'object' && record !== null
        ? [record as Record<string, unknown>]
        : [];
    } catch {
      return [];
    }
  });
}
