/** `kubevirt.hooks.info.Info`: the name, versions and hook points virt-launcher discovers once per socket. */
import { hasCloudInitOperations, type DocumentSources } from '../sources/index.js';
import type { LegacyVersion } from './legacy-versions.js';
import type { Log } from './log.js';
import { unaryHandler, type ServiceImplementation } from './unary-handler.js';

export interface InfoSettings {
  readonly name: string;
  readonly versions: readonly LegacyVersion[];
  /** `--cloud-init`: subscribe PreCloudInitIso whatever the files hold (annotation-only cloud-init patching) */
  readonly cloudInit: boolean;
  readonly sources: DocumentSources;
  readonly log: Log;
}

/**
 * virt-launcher dereferences a VM's missing CloudInitData when any sidecar subscribed
 * PreCloudInitIso (docs/kubevirt.md#precloudinitiso), so it is listed only when cloud-init patching is
 * configured; Shutdown exists in v1alpha3 only.
 */
export async function hookPoints(settings: InfoSettings): Promise<readonly string[]> {
  const points = ['OnDefineDomain'];
  if (settings.versions.some((version) => version !== 'v1alpha1')) {
    const files = await settings.sources.fileDocuments();
    if (settings.cloudInit || (files.ok && hasCloudInitOperations(files.documents)))
      points.push('PreCloudInitIso');
  }
  if (settings.versions.includes('v1alpha3')) points.push('Shutdown');
  return points;
}

export function infoService(settings: InfoSettings): ServiceImplementation {
  return {
    Info: unaryHandler('Info', settings.log, async () => {
      const points = await hookPoints(settings);
      return {
        ok: true,
        value: {
          name: settings.name,
          versions: [...settings.versions],
          hookPoints: points.map((name) => ({ name, priority: 0 })),
        },
      };
    }),
  };
}
