/**
 * Build Go programs offline, in GOPATH mode against Debian's golang-google-grpc-dev: the grpc-go
 * pass-through server of the benchmark (bench/grpc-go/passthrough.go), and the tests' grpc-go
 * client (test/e2e/grpc-go/). Where Go or the package is missing, the reason says what to install.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where Debian's golang-*-dev packages put their sources. */
const DEBIAN_GOPATH = '/usr/share/gocode';

export type GoBuild = { readonly path: string } | { readonly reason: string };

/** `binary` built from `source` unless it is already newer; its build cache beside it. */
export function buildGoProgram(source: string, binary: string): GoBuild {
  if (existsSync(binary) && statSync(binary).mtimeMs >= statSync(source).mtimeMs)
    return { path: binary };
  if (!existsSync(join(DEBIAN_GOPATH, 'src', 'google.golang.org', 'grpc')))
    return {
      reason: `no ${DEBIAN_GOPATH}/src/google.golang.org/grpc (apt-get install golang-go golang-google-grpc-dev)`,
    };
  mkdirSync(dirname(binary), { recursive: true });
  const build = spawnSync('go', ['build', '-o', binary, source], {
    env: {
      ...process.env,
      GOPATH: DEBIAN_GOPATH,
      GO111MODULE: 'off',
      GOFLAGS: '',
      GOCACHE: join(dirname(binary), 'go-build'),
    },
    encoding: 'utf8',
  });
  if (build.error !== undefined) return { reason: `go: ${build.error.message}` };
  if (build.status !== 0)
    return { reason: `go build failed: ${build.stderr.trim().slice(0, 300)}` };
  return { path: binary };
}

export function buildGoServer(benchDir: string, cacheDir: string): GoBuild {
  return buildGoProgram(
    join(benchDir, 'grpc-go', 'passthrough.go'),
    join(cacheDir, 'grpc-go-passthrough'),
  );
}
