/** `kubevirt.hooks.v1alpha2.Callbacks`: OnDefineDomain and PreCloudInitIso. */
import { onDefineDomain, type LegacySettings } from './callbacks-v1alpha1.js';
import { patchCloudInit } from './cloud-init-call.js';
import type { LegacyVersion } from './legacy-versions.js';
import { unaryHandler, type ServiceImplementation, type UnaryHandler } from './unary-handler.js';

export function preCloudInitIso(settings: LegacySettings, version: LegacyVersion): UnaryHandler {
  const call = {
    hook: 'PreCloudInitIso',
    version,
    context: 'Boot',
    annotations: settings.annotations,
  } as const;
  return unaryHandler('PreCloudInitIso', settings.log, async (request) =>
    patchCloudInit(settings, call, request),
  );
}

export function callbacksV1alpha2(settings: LegacySettings): ServiceImplementation {
  return {
    OnDefineDomain: onDefineDomain(settings, 'v1alpha2'),
    PreCloudInitIso: preCloudInitIso(settings, 'v1alpha2'),
  };
}
