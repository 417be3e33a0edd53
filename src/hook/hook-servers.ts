/** Start-up of the legacy hook socket (Info, Callbacks, plugin API) and the optional plugin socket, and their stop. */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { NodeInfo } from '../engine/index.js';
import { DEFAULT_LIMITS, type Limits } from '../engine/limits.js';
import { formatError, type PolicyLoad } from '../engine/index.js';
import { documentSources, noteMessage, policyOrRefusal, readPolicyFile } from '../sources/index.js';
import { callbacksV1alpha1 } from './callbacks-v1alpha1.js';
import { callbacksV1alpha2 } from './callbacks-v1alpha2.js';
import { callbacksV1alpha3 } from './callbacks-v1alpha3.js';
import { engineLane } from './engine-lane.js';
import { failureMessage } from './grpc-status.js';
import {
  forceStop,
  listen,
  stopGracefully,
  type HookServer,
  type ServedService,
} from './hook-server.js';
import { heapBudget, heapProbe, limitsForHeap } from './heap-budget.js';
import { hookPoints, infoService } from './info.js';
import type { LegacyVersion } from './legacy-versions.js';
import type { Log } from './log.js';
import { pluginV1alpha1 } from './plugin-v1alpha1.js';
import {
  isListening,
  removeSocketFile,
  removeStaleSockets,
  uniqueSocketPath,
} from './socket-file.js';

export interface ServeSettings {
  readonly name: string;
  readonly versions: readonly LegacyVersion[];
  readonly patchPaths: readonly string[];
  readonly socketDir: string;
  /** `CONTAINER_NAME` (set by KubeVirt) or the pid: part of the socket's file name */
  readonly socketOwner: string;
  readonly pluginSocket: string | undefined;
  /** whether calls read the VMI's `hookpatch.io/patch` annotation, on every socket */
  readonly annotations: boolean;
  /** `--annotation-policy FILE`, read once at start */
  readonly annotationPolicy: string | undefined;
  readonly cloudInit: boolean;
  /** the node this sidecar runs on (`NODE_NAME`), CEL's `node` */
  readonly node: NodeInfo;
  readonly maxReceiveBytes: number;
  /** `--call-deadline`: a call still running after it fails with DEADLINE_EXCEEDED */
  readonly callDeadlineMs: number;
  /** `--max-input-length`, `--max-source-length`, `--max-operations`, `--max-depth`, `--max-cel-cost` */
  readonly limits?: Limits;
}

export interface RunningServers {
  onShutdown(listener: () => void): void;
  stop(): Promise<void>;
}

/** The administrator's policy file; one that cannot be read allows no annotation document (fail closed). */
async function readPolicy(path: string | undefined): Promise<PolicyLoad | undefined> {
  return path === undefined ? undefined : policyOrRefusal(await readPolicyFile(path), path);
}

/** Long enough for a patch call in flight; KubeVirt's own deadline per call is 1 minute. */
const GRACE_MS = 20_000;

export async function startHookServers(
  settings: ServeSettings,
  log: Log,
  onSocket: (path: string) => void,
): Promise<RunningServers> {
  // what the heap holds lowers the limits before anything is read with them
  const heap = heapBudget();
  const { limits, lowered } = limitsForHeap(settings.limits ?? DEFAULT_LIMITS, heap);
  const runtime = {
    heap,
    heapHasRoom: heapProbe(heap),
    deadlineMs: settings.callDeadlineMs,
    lane: engineLane(),
  };
  const sources = documentSources(settings.patchPaths, {
    limits,
    onNotes: (notes) =>
      notes.forEach((note) => log.warning('skipped a patch source', { note: noteMessage(note) })),
  });
  const files = await sources.fileDocuments();
  if (!files.ok)
    log.error('patch files do not load; every call will fail until they are fixed', {
      patch: settings.patchPaths,
      error: failureMessage(files.failure),
    });
  const policy = await readPolicy(settings.annotationPolicy);
  if (policy?.ok === false)
    log.error('the annotation policy does not load; annotation documents are refused', {
      error: formatError(policy.error),
    });
  const shutdownListeners: Array<() => void> = [];
  const legacy = {
    sources,
    log,
    policy,
    node: settings.node,
    limits,
    runtime,
    annotations: settings.annotations,
  };
  const callbacks: Record<LegacyVersion, ServedService> = {
    v1alpha1: {
      name: 'kubevirt.hooks.v1alpha1.Callbacks',
      implementation: callbacksV1alpha1(legacy),
    },
    v1alpha2: {
      name: 'kubevirt.hooks.v1alpha2.Callbacks',
      implementation: callbacksV1alpha2(legacy),
    },
    v1alpha3: {
      name: 'kubevirt.hooks.v1alpha3.Callbacks',
      implementation: callbacksV1alpha3({
        ...legacy,
        onShutdown: () => shutdownListeners.forEach((listener) => listener()),
      }),
    },
  };
  const info = {
    name: settings.name,
    versions: settings.versions,
    cloudInit: settings.cloudInit,
    sources,
    log,
  };
  const plugin: ServedService = {
    name: 'kubevirt.hooks.plugins.v1alpha1.DomainHookService',
    implementation: pluginV1alpha1(legacy),
  };

  const stale = await removeStaleSockets(settings.socketDir);
  if (stale.length > 0) log.warning('removed stale sockets of an earlier run', { sockets: stale });
  const socket = uniqueSocketPath(settings.socketDir, settings.socketOwner);
  const servers: HookServer[] = [];
  servers.push(
    await listen(
      socket,
      [
        { name: 'kubevirt.hooks.info.Info', implementation: infoService(info) },
        ...settings.versions.map((v) => callbacks[v]),
        plugin,
      ],
      settings,
    ),
  );
  // Only a socket we bound is ours to remove: a failed bind may have met another server's file.
  onSocket(socket);
  if (settings.pluginSocket !== undefined) {
    const path = settings.pluginSocket;
    try {
      await mkdir(dirname(path), { recursive: true });
      if (existsSync(path) && !(await isListening(path))) removeSocketFile(path);
      servers.push(await listen(path, [plugin], settings));
      onSocket(path);
    } catch (error) {
      // The legacy server already listens: stop it, or it would keep the process alive after a failed start.
      servers.forEach(forceStop);
      throw error;
    }
  }
  log.info('serving', {
    socket,
    pluginSocket: settings.pluginSocket,
    name: settings.name,
    versions: settings.versions,
    hookPoints: await hookPoints(info),
    patch: settings.patchPaths,
    annotations: settings.annotations,
    annotationPolicy: settings.annotationPolicy,
    node: settings.node.name,
    maxReceiveBytes: settings.maxReceiveBytes,
    callDeadlineMs: settings.callDeadlineMs,
    limits,
    heap: {
      limitMiB: Math.round(heap.limitBytes / 1024 / 1024),
      perCallMiB: Math.round(heap.callBytes / 1024 / 1024),
      loweredToFit: lowered,
    },
  });
  return {
    onShutdown: (listener) => shutdownListeners.push(listener),
    stop: async () => {
      await Promise.all(servers.map((server) => stopGracefully(server, GRACE_MS)));
    },
  };
}
