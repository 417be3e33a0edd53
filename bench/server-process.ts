/** Start a hook server as its own process (in its cgroup), time it until Info answers (cold start), and stop it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Confinement } from './conditions.js';
import { callOnce } from './hook-client.js';
import { callbacksVersions, type CallbacksVersion, type HookWire } from './wire.js';

/** How to start one kind of server. */
export interface ServerCommand {
  readonly command: string;
  /** the arguments for a server that must put its socket into `socketDir` */
  readonly args: (socketDir: string) => readonly string[];
  /** the whole environment (the image's: no NODE_EXTRA_CA_CERTS, no NODE_OPTIONS) */
  readonly env: NodeJS.ProcessEnv;
}

export interface RunningServer {
  readonly pid: number;
  readonly socketPath: string;
  /** the newest Callbacks version Info lists, as virt-launcher chooses */
  readonly version: CallbacksVersion;
  /** process start → first Info answer, ms */
  readonly coldStartMs: number;
  /** what the server wrote to stderr until Info answered */
  readonly startLog: string;
  /** CPU time until the first Info answer, all threads (its cgroup's account; NaN without one) */
  readonly coldStartCpuMs: number;
  /** undefined while it runs; else its exit status and the end of its stderr */
  exited(): string | undefined;
  /** its cgroup's memory peak so far, MiB (undefined outside a cgroup) */
  peakMiB(): number | undefined;
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

function stopper(
  child: ChildProcess,
  socketDir: string,
  confinement: Confinement,
): () => Promise<void> {
  return async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const killed = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
      if (!killed) child.kill('SIGKILL');
    }
    live.delete(child);
    rmSync(socketDir, { recursive: true, force: true });
    confinement.release();
  };
}

/** V8's fatal line when there is one (out of heap), else the last line the server wrote. */
function lastWords(stderr: string): string {
  const fatal = /FATAL ERROR:[^\n]*/.exec(stderr)?.[0];
  const lines = stderr.trim().split('\n');
  return (fatal ?? lines[lines.length - 1] ?? '').slice(0, 300);
}

export async function startServer(
  server: ServerCommand,
  wire: HookWire,
  confinement: Confinement,
): Promise<RunningServer> {
  const socketDir = mkdtempSync(join(tmpdir(), 'hookpatch-bench-'));
  const { command, args } = confinement.wrap(server.command, server.args(socketDir));
  const started = performance.now();
  const child = spawn(command, args, { env: server.env, stdio: ['ignore', 'ignore', 'pipe'] });
  live.add(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  const stop = stopper(child, socketDir, confinement);
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
      const peakMiB = (): number | undefined => confinement.peakMiB();
      const startLog = stderr;
      const coldStartCpuMs = confinement.cpuMs() ?? Number.NaN;
      return {
        pid: child.pid,
        socketPath,
        version,
        coldStartMs,
        startLog,
        coldStartCpuMs,
        exited,
        peakMiB,
        stop,
      };
    }
    await sleep(POLL_MS);
  }
  await stop();
  throw new Error(
    `${server.command} did not answer Info (exit ${String(child.exitCode ?? child.signalCode)}): ${lastWords(stderr)}`,
  );
}

/** Start a process that exits by itself (bare `node -e 0`): ms from spawn to its exit, and its CPU ms. */
export async function timeToExit(
  server: ServerCommand,
  confinement: Confinement,
): Promise<{ readonly ms: number; readonly cpuMs: number }> {
  const { command, args } = confinement.wrap(server.command, server.args(tmpdir()));
  const started = performance.now();
  const child = spawn(command, args, { env: server.env, stdio: 'ignore' });
  live.add(child);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const ms = performance.now() - started;
  live.delete(child);
  const cpuMs = confinement.cpuMs() ?? Number.NaN;
  confinement.release();
  if (code !== 0) throw new Error(`${server.command} exited with ${String(code)}`);
  return { ms, cpuMs };
}
