/**
 * Start-up of the legacy hook socket (Info, Callbacks, plugin API) and the optional plugin socket,
 * and their stop.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { callbacksV1alpha1 } from './callbacks-v1alpha1.js';
import { callbacksV1alpha2 } from './callbacks-v1alpha2.js';
import { callbacksV1alpha3 } from './callbacks-v1alpha3.js';
import type { HookDeps } from './hook-call.js';
import {
  forceStop,
  listen,
  stopGracefully,
  type HookServer,
  type ServedService,
} from './hook-server.js';
import { hookPoints, infoService, type InfoSettings } from './info.js';
import type { LegacyVersion } from './legacy-versions.js';
import { pluginV1alpha1 } from './plugin-v1alpha1.js';
import {
  isListening,
  removeSocketFile,
  removeStaleSockets,
  uniqueSocketPath,
} from './socket-file.js';

/** What the sockets are and what they serve; the calls' sources and bounds come built (src/cli). */
export interface SocketSettings {
  readonly name: string;
  readonly versions: readonly LegacyVersion[];
  readonly socketDir: string;
  /** `CONTAINER_NAME` (set by KubeVirt) or the pid: part of the socket's file name */
  readonly socketOwner: string;
  readonly pluginSocket: string | undefined;
  /** whether calls read the VMI's `hookpatch.io/patch` annotation, on every socket */
  readonly annotations: boolean;
  readonly cloudInit: boolean;
  readonly maxReceiveBytes: number;
}

export interface RunningServers {
  /** the legacy hook socket's path */
  readonly socket: string;
  /** what Info lists at start */
  readonly hookPoints: readonly string[];
  onShutdown(listener: () => void): void;
  stop(): Promise<void>;
}

/** Long enough for a patch call in flight; KubeVirt's own deadline per call is 1 minute. */
const GRACE_MS = 20_000;

/** The services of the legacy hook socket: Info, the versions asked for, and the plugin API. */
function legacyServices(
  settings: SocketSettings,
  calls: HookDeps,
  onShutdown: () => void,
): { readonly info: InfoSettings; readonly services: ServedService[] } {
  const legacy = { ...calls, annotations: settings.annotations };
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
      implementation: callbacksV1alpha3({ ...legacy, onShutdown }),
    },
  };
  const { name, versions, cloudInit } = settings;
  const info = { name, versions, cloudInit, sources: calls.sources, log: calls.log };
  const services: ServedService[] = [
    { name: 'kubevirt.hooks.info.Info', implementation: infoService(info) },
    ...versions.map((version) => callbacks[version]),
    pluginService(settings, calls),
  ];
  return { info, services };
}

function pluginService(settings: SocketSettings, calls: HookDeps): ServedService {
  return {
    name: 'kubevirt.hooks.plugins.v1alpha1.DomainHookService',
    implementation: pluginV1alpha1({ ...calls, annotations: settings.annotations }),
  };
}

/** `--plugin-socket`: the plugin API alone, on a path the administrator chose. */
async function listenPlugin(
  path: string,
  settings: SocketSettings,
  calls: HookDeps,
): Promise<HookServer> {
  await mkdir(dirname(path), { recursive: true });
  if (existsSync(path) && !(await isListening(path))) removeSocketFile(path);
  return listen(path, [pluginService(settings, calls)], settings);
}

/** Serves `calls` on the legacy hook socket and, with `--plugin-socket`, the plugin socket. */
export async function startHookServers(
  settings: SocketSettings,
  calls: HookDeps,
  onSocket: (path: string) => void,
): Promise<RunningServers> {
  const shutdownListeners: Array<() => void> = [];
  const onShutdown = (): void => shutdownListeners.forEach((listener) => listener());
  const { info, services } = legacyServices(settings, calls, onShutdown);
  const stale = await removeStaleSockets(settings.socketDir);
  if (stale.length > 0)
    calls.log.warning('removed stale sockets of an earlier run', { sockets: stale });
  const socket = uniqueSocketPath(settings.socketDir, settings.socketOwner);
  const servers: HookServer[] = [await listen(socket, services, settings)];
  // Only a socket we bound is ours to remove: a failed bind may have met another server's file.
  onSocket(socket);
  if (settings.pluginSocket !== undefined) {
    try {
      servers.push(await listenPlugin(settings.pluginSocket, settings, calls));
      onSocket(settings.pluginSocket);
    } catch (error) {
      // The legacy server already listens: stop it, or it would keep the process alive after a
      // failed start.
      servers.forEach(forceStop);
      throw error;
    }
  }
  return {
    socket,
    hookPoints: await hookPoints(info),
    onShutdown: (listener) => shutdownListeners.push(listener),
    stop: async () => {
      await Promise.all(servers.map((server) => stopGracefully(server, GRACE_MS)));
    },
  };
}
