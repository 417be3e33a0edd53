/**
 * Build the grpc-go pass-through server (bench/grpc-go/passthrough.go) offline, in GOPATH mode
 * against Debian's golang-google-grpc-dev; the row is left out, saying why, where Go or the
 * package is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Where Debian's golang-*-dev packages put their sources. */
const DEBIAN_GOPATH = '/usr/share/gocode';

export function buildGoServer(
  benchDir: string,
  cacheDir: string,
): { readonly path: string } | { readonly reason: string } {
  const source = join(benchDir, 'grpc-go', 'passthrough.go');
  const binary = join(cacheDir, 'grpc-go-passthrough');
  if (existsSync(binary) && statSync(binary).mtimeMs >= statSync(source).mtimeMs)
    return { path: binary };
  if (!existsSync(join(DEBIAN_GOPATH, 'src', 'google.golang.org', 'grpc')))
    return {
      reason: `no ${DEBIAN_GOPATH}/src/google.golang.org/grpc (apt-get install golang-go golang-google-grpc-dev)`,
    };
  mkdirSync(cacheDir, { recursive: true });
  const build = spawnSync('go', ['build', '-o', binary, source], {
    env: {
      ...process.env,
      GOPATH: DEBIAN_GOPATH,
      GO111MODULE: 'off',
      GOFLAGS: '',
      GOCACHE: join(cacheDir, 'go-build'),
    },
    encoding: 'utf8',
  });
  if (build.error !== undefined) return { reason: `go: ${build.error.message}` };
  if (build.status !== 0)
    return { reason: `go build failed: ${build.stderr.trim().slice(0, 300)}` };
  return { path: binary };
}
