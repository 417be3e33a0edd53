/**
 * `hookpatch serve` as the image runs it: the built bundle with the Dockerfile's node flags and
 * ENV (packaging/image-runtime.ts), inside KubeVirt's sidecar cgroup (64M, and 200m CPU when
 * asked) where the machine allows it. Limits and hostile input are proven here, not under tsx.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ensureDist } from '../../bench/build-dist.js';
import { imageCommand, readImageRuntime } from '../../packaging/image-runtime.js';
import { sidecarCgroup, type SidecarCgroup } from '../../packaging/sidecar-cgroup.js';
import { call } from '../e2e/virt-launcher-client.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface BundleServer {
  readonly socket: string;
  readonly pid: number;
  /** the cgroup it runs in; undefined where the machine has none (then `why` says so) */
  readonly cgroup: SidecarCgroup | undefined;
  readonly why: string | undefined;
  /** null while it runs */
  exitCode(): number | string | null;
  /** settles with the exit code when the process ends */
  readonly exited: Promise<number | null>;
  logLines(): readonly string[];
  /** SIGTERM, and the exit code */
  stop(): Promise<number | null>;
}

let built = false;

/** `npm run build` when src/ is newer than the bundle: the tests run what the image would. */
function ensureBuilt(): void {
  if (built) return;
  ensureDist(ROOT, false);
  built = true;
}

async function socketIn(dir: string, gone: () => boolean): Promise<string> {
  for (let waited = 0; waited < 30_000; waited += 25) {
    const names = await readdir(dir).catch(() => [] as string[]);
    const name = names.find((entry) => entry.endsWith('.sock'));
    if (name !== undefined) {
      const socket = join(dir, name);
      const info = await call(socket, 'kubevirt.hooks.info.Info', 'Info', {}, 2000);
      if (info.ok) return socket;
    }
    if (gone()) break;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no socket answered Info in ${dir}`);
}

/** Starts the bundle with `args` after `serve`; stopped (and its cgroup removed) when the test ends. */
export async function startBundle(
  t: TestContext,
  args: readonly string[],
  options: { readonly cpu: boolean; readonly name: string },
): Promise<BundleServer> {
  ensureBuilt();
  const dir = await mkdtemp(join(tmpdir(), 'hookpatch-bundle-'));
  const runtime = readImageRuntime(ROOT);
  const command = imageCommand(runtime, ROOT, process.execPath, process.env);
  const made = sidecarCgroup(`hookpatch-${options.name}-${process.pid}`, { cpu: options.cpu });
  const cgroup = made.ok ? made.cgroup : undefined;
  const serve = [...command.args, 'serve', '--socket-dir', dir, ...args];
  const wrapped = cgroup?.wrap(command.command, serve) ?? { command: command.command, args: serve };
  const child = spawn(wrapped.command, wrapped.args, {
    env: { ...command.env, CONTAINER_NAME: options.name },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-200_000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const exitCode = (): number | string | null => child.exitCode ?? child.signalCode;
  const stop = async (): Promise<number | null> => {
    if (exitCode() === null) child.kill('SIGTERM');
    return exited;
  };
  t.after(async () => {
    if (exitCode() === null) child.kill('SIGKILL');
    await exited;
    cgroup?.remove();
    await rm(dir, { recursive: true, force: true });
  });
  const socket = await socketIn(dir, () => exitCode() !== null);
  return {
    socket,
    pid: child.pid ?? 0,
    cgroup,
    why: made.ok ? undefined : made.reason,
    exitCode,
    exited,
    logLines: () => stderr.split('\n').filter((line) => line !== ''),
    stop,
  };
}
