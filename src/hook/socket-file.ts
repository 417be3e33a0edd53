/** Unix socket files: a unique name per run, stale ones of ours removed, ours removed on every way out. */
import { unlinkSync } from 'node:fs';
import { readdir, unlink } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';

/**
 * virt-launcher remembers sockets by file name only and dials every file in the directory
 * (docs/kubevirt.md#sidecar-containers-and-socket-discovery), so the name is unique per run and a
 * file we leave behind costs it a 2 s dial timeout per poll.
 */
export const SOCKET_PREFIX = 'hookpatch-';

/**
 * Eight random hex digits from Math.random, which V8 seeds from the system's entropy per process:
 * unique enough for a file name, and node:crypto (a dozen modules) is not loaded at start for it.
 */
function randomSuffix(): string {
  return Math.floor(Math.random() * 0x1_0000_0000)
    .toString(16)
    .padStart(8, '0');
}

export function uniqueSocketPath(dir: string, owner: string): string {
  const safeOwner = owner.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 40);
  return join(dir, `${SOCKET_PREFIX}${safeOwner}-${randomSuffix()}.sock`);
}

/** Whether a server answers on the socket; undecided (slow) counts as alive, so we never remove a live one. */
export function isListening(path: string, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(path);
    const done = (alive: boolean): void => {
      socket.destroy();
      resolve(alive);
    };
    socket.setTimeout(timeoutMs, () => done(true));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Socket files named like ours that nobody listens on: left by a run that crashed. */
export async function removeStaleSockets(dir: string): Promise<readonly string[]> {
  const names = await readdir(dir).catch(() => []);
  const ours = names
    .filter((name) => name.startsWith(SOCKET_PREFIX) && name.endsWith('.sock'))
    .map((name) => join(dir, name));
  const stale = (
    await Promise.all(ours.map(async (path) => ((await isListening(path)) ? undefined : path)))
  ).filter((path) => path !== undefined);
  await Promise.all(stale.map((path) => unlink(path).catch(() => undefined)));
  return stale;
}

/** Synchronous so it also works from `process.on('exit')`; a file already gone is fine. */
export function removeSocketFile(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
  }
}
