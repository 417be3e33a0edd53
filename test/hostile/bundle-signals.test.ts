/**
 * Signals against the bundle as the image runs it: SIGHUP, SIGQUIT and SIGUSR2 stop it like
 * SIGTERM (exit 0, socket removed), and SIGUSR1 opens no inspector (Node's default would listen
 * on 127.0.0.1:9229, reachable from every container of the pod).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readdir, readFile, readlink } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { call } from '../e2e/virt-launcher-client.js';
import { startBundle } from './bundle-server.js';

/** Sockets the process listens on over TCP, as `/proc` shows them (LISTEN entries whose inode it holds). */
async function tcpListeners(pid: number): Promise<readonly string[]> {
  const inodes = new Set<string>();
  for (const fd of await readdir(`/proc/${pid}/fd`)) {
    const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
    const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
    if (inode !== undefined) inodes.add(inode);
  }
  const listening: string[] = [];
  for (const table of ['tcp', 'tcp6']) {
    const text = await readFile(`/proc/${pid}/net/${table}`, 'utf8').catch(() => '');
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields[3] === '0A' && inodes.has(fields[9] ?? '')) listening.push(fields[1] ?? '');
    }
  }
  return listening;
}

describe('signals, served by the image', { concurrency: true }, () => {
  for (const signal of ['SIGHUP', 'SIGQUIT', 'SIGUSR2'] as const) {
    test(`${signal} stops the server like SIGTERM: exit 0, socket removed`, async (t) => {
      const server = await startBundle(t, [], { cpu: false, name: `signal-${signal}` });
      process.kill(server.pid, signal);
      assert.equal(await server.exited, 0);
      assert.ok(!existsSync(server.socket), 'the socket file is removed');
    });
  }

  test('SIGUSR1 opens no inspector and the server keeps answering', async (t) => {
    const server = await startBundle(t, [], { cpu: false, name: 'signal-SIGUSR1' });
    process.kill(server.pid, 'SIGUSR1');
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual(await tcpListeners(server.pid), []);
    assert.ok((await call(server.socket, 'kubevirt.hooks.info.Info', 'Info', {}, 2000)).ok);
    assert.ok(server.logLines().some((line) => line.includes('SIGUSR1 ignored')));
    assert.equal(await server.stop(), 0);
  });
});
