/**
 * The runtime the image gives hookpatch — the final stage's ENTRYPOINT node flags, ENV and CMD —
 * read from the Dockerfile, so tests and the benchmark run the bundle exactly as KubeVirt runs the
 * image and cannot drift from it.
 */
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

export interface ImageRuntime {
  /** the final stage's base image (`FROM x AS runtime`), e.g. `docker.io/library/node:22-bookworm-slim` */
  readonly base: string;
  /** the flags between `node` and the script in ENTRYPOINT, e.g. `--max-old-space-size=24` */
  readonly nodeFlags: readonly string[];
  /** the final stage's ENV */
  readonly env: Readonly<Record<string, string>>;
  /** the script ENTRYPOINT runs, as a path inside the image (`/app/dist/cli/hookpatch.cjs`) */
  readonly script: string;
  /** the final stage's WORKDIR, where the repository's files are copied to */
  readonly workdir: string;
  /** CMD: the default arguments (`serve`) */
  readonly cmd: readonly string[];
}

/** The Dockerfile's instructions, continuation lines joined and comments dropped. */
function instructions(text: string): { readonly keyword: string; readonly rest: string }[] {
  const joined = text.replace(/\\\r?\n/g, ' ');
  return joined
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const space = line.search(/\s/);
      return space < 0
        ? { keyword: line.toUpperCase(), rest: '' }
        : { keyword: line.slice(0, space).toUpperCase(), rest: line.slice(space).trim() };
    });
}

function jsonArray(rest: string, keyword: string): string[] {
  const value: unknown = JSON.parse(rest);
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string'))
    throw new Error(`Dockerfile: ${keyword} is not the exec form (a JSON array of strings)`);
  return value;
}

/** `ENV A=1 B="two words"`: the `key=value` form, values optionally double-quoted. */
function envPairs(rest: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const match of rest.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|\S*)/g)) {
    const [, key = '', raw = ''] = match;
    pairs.push([key, raw.startsWith('"') ? (JSON.parse(raw) as string) : raw]);
  }
  return pairs;
}

export function parseImageRuntime(dockerfile: string): ImageRuntime {
  const all = instructions(dockerfile);
  const lastFrom = all.map((instruction) => instruction.keyword).lastIndexOf('FROM');
  const stage = all.slice(lastFrom + 1);
  let entrypoint: string[] | undefined;
  let cmd: string[] = [];
  let workdir = '/';
  const env: Record<string, string> = {};
  for (const { keyword, rest } of stage) {
    if (keyword === 'ENTRYPOINT') entrypoint = jsonArray(rest, keyword);
    else if (keyword === 'CMD') cmd = jsonArray(rest, keyword);
    else if (keyword === 'WORKDIR') workdir = posix.resolve(workdir, rest);
    else if (keyword === 'ENV') for (const [key, value] of envPairs(rest)) env[key] = value;
  }
  const base = all[lastFrom]?.rest.split(/\s+/).find((word) => !word.startsWith('--')) ?? '';
  if (entrypoint === undefined || entrypoint[0] !== 'node')
    throw new Error('Dockerfile: the final stage has no ENTRYPOINT ["node", …]');
  const scriptIndex = entrypoint.findIndex((arg, index) => index > 0 && !arg.startsWith('-'));
  if (scriptIndex < 0) throw new Error('Dockerfile: ENTRYPOINT names no script for node');
  return {
    base,
    nodeFlags: entrypoint.slice(1, scriptIndex),
    env,
    script: posix.resolve(workdir, entrypoint[scriptIndex] ?? ''),
    workdir,
    cmd,
  };
}

export function readImageRuntime(root: string): ImageRuntime {
  return parseImageRuntime(readFileSync(join(root, 'Dockerfile'), 'utf8'));
}

/** Flags of the image's Node that an older Node refuses at start, with the major version that has them. */
const NEWER_NODE_FLAGS: Readonly<Record<string, number>> = { '--disable-sigusr1': 22 };

/** The image's flags this Node accepts: CI and the developers' machines run Node 20. */
export function flagsForNode(flags: readonly string[], nodeMajor: number): string[] {
  return flags.filter((flag) => nodeMajor >= (NEWER_NODE_FLAGS[flag.split('=')[0] ?? ''] ?? 0));
}

/** The Node major the image runs, from its base image's tag (`node:22-bookworm-slim` → 22). */
export function imageNodeMajor(runtime: ImageRuntime): number | undefined {
  const tag = /(?:^|\/)node:(\d+)(?:[.-]|$)/.exec(runtime.base)?.[1];
  return tag === undefined ? undefined : Number(tag);
}

/**
 * The image's environment over `base`. The image sets no NODE_OPTIONS or NODE_EXTRA_CA_CERTS; a
 * developer's shell may (the latter adds ~55 ms of CPU to every start).
 */
export function imageEnvironment(
  runtime: ImageRuntime,
  base: NodeJS.ProcessEnv,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, ...runtime.env };
  delete env['NODE_OPTIONS'];
  delete env['NODE_EXTRA_CA_CERTS'];
  return env;
}

/**
 * `node <flags> <root>/<script>` with the image's environment over `base`: the image copies the
 * repository's dist/ to its WORKDIR, so `/app/dist/cli/hookpatch.cjs` is `<root>/dist/cli/hookpatch.cjs`
 * here. `nodeMajor` is that of `nodePath` (this process's Node unless told), for the flags it accepts.
 */
export function imageCommand(
  runtime: ImageRuntime,
  root: string,
  nodePath: string,
  base: NodeJS.ProcessEnv,
  nodeMajor = Number(process.versions.node.split('.')[0]),
): { readonly command: string; readonly args: string[]; readonly env: NodeJS.ProcessEnv } {
  const relative = posix.relative(runtime.workdir, runtime.script);
  if (relative.startsWith('..'))
    throw new Error(`Dockerfile: ${runtime.script} is outside WORKDIR ${runtime.workdir}`);
  const flags = flagsForNode(runtime.nodeFlags, nodeMajor);
  return {
    command: nodePath,
    args: [...flags, join(root, relative)],
    env: imageEnvironment(runtime, base),
  };
}
