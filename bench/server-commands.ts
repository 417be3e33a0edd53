/**
 * The rows side by side: hookpatch exactly as the image runs it (ENTRYPOINT flags, ENV and CMD read
 * from the Dockerfile), the grpc-js and grpc-go transport floors, fork-per-call, and bare node.
 */
import { join, relative } from 'node:path';
import {
  flagsForNode,
  imageCommand,
  imageEnvironment,
  type ImageRuntime,
} from '../packaging/image-runtime.js';
import type { ServerName } from './options.js';
import type { ServerNode } from './server-node.js';
import type { ServerCommand } from './server-process.js';

export type ServerChoice = { readonly description: string } & (
  | { readonly kind: 'server'; readonly command: ServerCommand }
  /** a process that only starts and exits: its start time is the reference for the servers' */
  | { readonly kind: 'exits'; readonly command: ServerCommand }
  | { readonly kind: 'not available'; readonly reason: string }
);

export interface ServerPaths {
  readonly root: string;
  readonly runtime: ImageRuntime;
  readonly node: ServerNode;
  /** where compileServers put servers/<name>.js */
  readonly compiledServers: string;
  /** the grpc-go pass-through binary, or why there is none */
  readonly goServer: { readonly path: string } | { readonly reason: string };
  /** Node flags for hookpatch instead of the image's (`--hookpatch-flags`) */
  readonly hookpatchFlags?: readonly string[];
}

export const PATCH_FILE = join('examples', 'smbios-from-annotation', 'patch.yaml');

/** The major version of the node the servers run on, for the image's flags it accepts. */
export function nodeMajor(node: ServerNode): number {
  return Number(node.version.replace(/^v/, '').split('.')[0]);
}

/** The image's node flags the servers' node accepts (or `--hookpatch-flags`). */
export function hookpatchFlags(paths: ServerPaths): readonly string[] {
  return paths.hookpatchFlags ?? flagsForNode(paths.runtime.nodeFlags, nodeMajor(paths.node));
}

function hookpatch(paths: ServerPaths): ServerChoice {
  const image = imageCommand(
    paths.runtime,
    paths.root,
    paths.node.path,
    process.env,
    nodeMajor(paths.node),
  );
  const flags = hookpatchFlags(paths);
  const script = image.args[image.args.length - 1] ?? '';
  const env = image.env as Record<string, string>;
  return {
    kind: 'server',
    description: `node ${flags.join(' ')} ${relative(paths.root, script)} ${paths.runtime.cmd.join(' ')} --patch ${PATCH_FILE} (the Dockerfile's ENTRYPOINT, CMD and ENV)`,
    command: {
      command: image.command,
      args: (socketDir) => [
        ...flags,
        script,
        ...paths.runtime.cmd,
        '--socket-dir',
        socketDir,
        '--patch',
        join(paths.root, PATCH_FILE),
      ],
      env,
    },
  };
}

/** A comparison server compiled from bench/servers/, run with the image's flags and environment. */
function nodeServer(paths: ServerPaths, name: string, env: Record<string, string> = {}) {
  return {
    command: paths.node.path,
    args: (socketDir: string) => [
      ...flagsForNode(paths.runtime.nodeFlags, nodeMajor(paths.node)),
      join(paths.compiledServers, 'servers', `${name}.js`),
      '--socket-dir',
      socketDir,
      '--proto-dir',
      join(paths.root, 'proto'),
    ],
    env: { ...(imageEnvironment(paths.runtime, process.env) as Record<string, string>), ...env },
  };
}

export function serverChoice(name: ServerName, paths: ServerPaths): ServerChoice {
  const env = imageEnvironment(paths.runtime, process.env) as Record<string, string>;
  switch (name) {
    case 'hookpatch':
      return hookpatch(paths);
    case 'floor':
      return {
        kind: 'server',
        description:
          'grpc-js transport floor: a grpc-js server on the same protocol returning the XML unchanged (image flags)',
        command: nodeServer(paths, 'passthrough-server'),
      };
    case 'grpc-go':
      return 'reason' in paths.goServer
        ? {
            kind: 'not available',
            description: 'grpc-go pass-through',
            reason: paths.goServer.reason,
          }
        : {
            kind: 'server',
            description:
              'grpc-go transport floor: bench/grpc-go/passthrough.go returning the XML unchanged',
            command: { command: paths.goServer.path, args: (dir) => ['--socket-dir', dir], env },
          };
    case 'status-quo':
      return {
        kind: 'server',
        description:
          "fork-per-call: a grpc-js stand-in for the sidecar-shim execs bench/status-quo/onDefineDomain.py per call; CPU includes the children; RSS is Node's, not the Go shim's (≈8.5 MiB)",
        command: nodeServer(paths, 'fork-script-server', {
          HOOK_SCRIPT: join(paths.root, 'bench', 'status-quo', 'onDefineDomain.py'),
        }),
      };
    case 'node':
      return {
        kind: 'exits',
        description: 'bare `node -e 0` (no flags, the image environment): the start reference',
        command: { command: paths.node.path, args: () => ['-e', '0'], env },
      };
  }
}
