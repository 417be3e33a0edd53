/** The three servers side by side: hookpatch as the image runs it, the transport floor, and fork-per-call. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { flagsForNode, readImageRuntime } from '../packaging/image-runtime.js';
import type { ServerName } from './options.js';
import type { ServerCommand } from './server-process.js';

/** The image's V8 flags (Dockerfile ENTRYPOINT, those this Node has), used for every Node server so they compare fairly. */
export const IMAGE_NODE_FLAGS = flagsForNode(
  readImageRuntime(fileURLToPath(new URL('..', import.meta.url))).nodeFlags,
  Number(process.versions.node.split('.')[0]),
);
/** The Dockerfile's `ENV`: glibc hands freed buffers of large calls back to the kernel. */
export const IMAGE_ENV = { MALLOC_MMAP_THRESHOLD_: '131072', MALLOC_TRIM_THRESHOLD_: '131072' };

export interface ServerChoice {
  readonly command: ServerCommand;
  readonly description: string;
}

export interface ServerPaths {
  readonly root: string;
  /** dist/cli/main.js */
  readonly hookpatchEntry: string;
  /** where compileServers put servers/<name>.js */
  readonly compiledServers: string;
  /** Node flags for hookpatch; the image's when not given */
  readonly hookpatchFlags?: readonly string[];
}

export function serverChoice(name: ServerName, paths: ServerPaths): ServerChoice {
  const protoDir = join(paths.root, 'proto');
  const node =
    (script: string): ServerCommand['args'] =>
    (socketDir) => [
      ...IMAGE_NODE_FLAGS,
      script,
      '--socket-dir',
      socketDir,
      '--proto-dir',
      protoDir,
    ];
  switch (name) {
    case 'hookpatch': {
      const flags = paths.hookpatchFlags ?? IMAGE_NODE_FLAGS;
      return {
        description: `node ${flags.join(' ')} dist/cli/main.js serve --patch examples/smbios-from-annotation/patch.yaml`,
        command: {
          command: process.execPath,
          args: (socketDir) => [
            ...flags,
            paths.hookpatchEntry,
            'serve',
            '--socket-dir',
            socketDir,
            '--patch',
            join(paths.root, 'examples', 'smbios-from-annotation', 'patch.yaml'),
          ],
          env: IMAGE_ENV,
        },
      };
    }
    case 'floor':
      return {
        description:
          'transport-only floor: grpc-js server on the same protocol returning the XML unchanged (same V8 flags)',
        command: {
          command: process.execPath,
          args: node(join(paths.compiledServers, 'servers', 'passthrough-server.js')),
          env: IMAGE_ENV,
        },
      };
    case 'status-quo':
      return {
        description:
          "fork-per-call: grpc-js stand-in for the sidecar-shim execs bench/status-quo/onDefineDomain.py (python3 ElementTree) per call; CPU includes the children; RSS is Node's, not the Go shim's (≈8.5 MiB)",
        command: {
          command: process.execPath,
          args: node(join(paths.compiledServers, 'servers', 'fork-script-server.js')),
          env: {
            ...IMAGE_ENV,
            HOOK_SCRIPT: join(paths.root, 'bench', 'status-quo', 'onDefineDomain.py'),
          },
        },
      };
  }
}
