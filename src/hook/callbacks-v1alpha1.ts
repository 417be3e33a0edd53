/** `kubevirt.hooks.v1alpha1.Callbacks`: OnDefineDomain only. */
import { patchDomain } from './domain-call.js';
import type { HookDeps } from './hook-call.js';
import type { LegacyVersion } from './legacy-versions.js';
import { bytesField } from './request-fields.js';
import { unaryHandler, type ServiceImplementation, type UnaryHandler } from './unary-handler.js';

export interface LegacySettings extends HookDeps {
  readonly annotations: boolean;
}

/** OnDefineDomain as every legacy version defines it; the legacy hook always runs in the Boot context. */
export function onDefineDomain(settings: LegacySettings, version: LegacyVersion): UnaryHandler {
  const call = {
    hook: 'OnDefineDomain',
    version,
    context: 'Boot',
    annotations: settings.annotations,
  } as const;
  return unaryHandler('OnDefineDomain', settings.log, async (request) => {
    const result = await patchDomain(
      settings,
      call,
      'domainXML',
      bytesField(request, 'domainXML'),
      bytesField(request, 'vmi'),
    );
    return result.ok ? { ok: true, value: { domainXML: result.value } } : result;
  });
}

export function callbacksV1alpha1(settings: LegacySettings): ServiceImplementation {
  return { OnDefineDomain: onDefineDomain(settings, 'v1alpha1') };
}
