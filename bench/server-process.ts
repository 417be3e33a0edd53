/** Start a hook server as its own process, time it until Info answers (cold start), and stop it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { callOnce } from './hook-client.js';
import { callbacksVersions, type CallbacksVersion, type HookWire } from './wire.js';

/** How to start one kind of server. */
export interface ServerCommand {
  readonly command: string;
  /** the arguments for a server that must put its socket into `socketDir` */
  readonly args: (socketDir: string) => readonly string[];
  readonly env?: Readonly<Record<string, string>>;
}

export interface RunningServer {
  readonly pid: number;
  readonly socketPath: string;
  /** the newest Callbacks version Info lists, as virt-launcher chooses */
  readonly version: CallbacksVersion;
  /** process start → first Info answer, ms */
  readonly coldStartMs: number;
  /** undefined while it runs; else its exit status and the end of its stderr */
  exited(): string | undefined;
  stop(): Promise<void>;
}

const POLL_MS = 2;

/** Servers still running: killed if the benchmark itself is interrupted, so none outlives it. */
const live = new Set<ChildProcess>();
process.once('exit', () => live.forEach((child) => child.kill('SIGKILL')));
process.once('SIGINT', () => process.exit(130));
const START_TIMEOUT_MS = 30_000;

function findSocket(dir: string): string | undefined {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path, { throwIfNoEntry: false })?.isSocket() === true) return path;
  }
  return undefined;
}

function stopper(child: ChildProcess, socketDir: string): () => Promise<void> {
  return async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const killed = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
      if (!killed) child.kill('SIGKILL');
    }
    live.delete(child);
    rmSync(socketDir, { recursive: true, force: true });
  };
}

/** V8's fatal line when there is one (out of heap), else the last line the server wrote. */
function lastWords(stderr: string): string {
  const fatal = /FATAL ERROR:[^\n]*/.exec(stderr)?.[0];
  const lines = stderr.trim().split('\n');
  return (fatal ?? lines[lines.length - 1] ?? '').slice(0, 300);
}

export async function startServer(server: ServerCommand, wire: HookWire): Promise<RunningServer> {
  const socketDir = mkdtempSync(join(tmpdir(), 'hookpatch-bench-'));
  const started = performance.now();
  const child = spawn(server.command, [...server.args(socketDir)], {
    env: { ...process.env, ...server.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  live.add(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  const stop = stopper(child, socketDir);
  while (performance.now() - started < START_TIMEOUT_MS) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    const socketPath = findSocket(socketDir);
    const info =
      socketPath === undefined ? undefined : await callOnce(socketPath, wire.info, {}, 1000);
    if (socketPath !== undefined && info?.ok === true) {
      const coldStartMs = performance.now() - started;
      const version = callbacksVersions(info.response)[0];
      if (version === undefined || child.pid === undefined) break;
      const exited = (): string | undefined =>
        child.exitCode === null && child.signalCode === null
          ? undefined
          : `exited (${String(child.exitCode ?? child.signalCode)}): ${lastWords(stderr)}`;
      return { pid: child.pid, socketPath, version, coldStartMs, exited, stop };
    }
    await sleep(POLL_MS);
  }
  await stop();
  throw new Error(
    `${server.command} did not answer Info (exit ${String(child.exitCode ?? child.signalCode)}): ${lastWords(stderr)}`,
  );
}
