/**
 * `serve`'s composition root: the heap's limits, the patch sources and the annotation policy built
 * once, then the hook servers that answer calls with them.
 */
import { formatError, type PolicyLoad, DEFAULT_LIMITS } from '../engine/index.js';
import { engineLane } from '../hook/engine-lane.js';
import { collectBeforeLarge, heapBudget, heapProbe, limitsForHeap } from '../hook/heap-budget.js';
import { startHookServers, type RunningServers } from '../hook/hook-servers.js';
import { failureMessage } from '../hook/grpc-status.js';
import type { Log } from '../hook/log.js';
import type { ServeSettings } from './serve-flags.js';
import { documentSources, noteMessage, policyOrRefusal, readPolicyFile } from '../sources/index.js';

/** The administrator's policy file; one that cannot be read allows no annotation document (fail closed). */
async function readPolicy(path: string | undefined): Promise<PolicyLoad | undefined> {
  return path === undefined ? undefined : policyOrRefusal(await readPolicyFile(path), path);
}

export async function startServing(
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
    beforeLarge: collectBeforeLarge(),
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
      error: failureMessage(files.errors),
    });
  const policy = await readPolicy(settings.annotationPolicy);
  if (policy?.ok === false)
    log.error('the annotation policy does not load; annotation documents are refused', {
      error: formatError(policy.error),
    });
  const calls = { sources, log, policy, node: settings.node, limits, runtime };
  const servers = await startHookServers(settings, calls, onSocket);
  log.info('serving', {
    socket: servers.socket,
    pluginSocket: settings.pluginSocket,
    name: settings.name,
    versions: settings.versions,
    hookPoints: servers.hookPoints,
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
  return servers;
}
