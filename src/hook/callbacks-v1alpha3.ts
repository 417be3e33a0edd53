/** `kubevirt.hooks.v1alpha3.Callbacks`: v1alpha2 plus Shutdown, after which the sidecar must exit. */
import { onDefineDomain, type LegacySettings } from './callbacks-v1alpha1.js';
import { preCloudInitIso } from './callbacks-v1alpha2.js';
import { unaryHandler, type ServiceImplementation } from './unary-handler.js';

export interface ShutdownSettings extends LegacySettings {
  /** Called once the Shutdown reply is on its way: stop serving and exit. */
  readonly onShutdown: () => void;
}

/**
 * Shutdown comes after QEMU exits; a sidecar that stays keeps a migration's source pod NotReady
 * (docs/kubevirt.md#shutdown).
 */
export function callbacksV1alpha3(settings: ShutdownSettings): ServiceImplementation {
  return {
    OnDefineDomain: onDefineDomain(settings, 'v1alpha3'),
    PreCloudInitIso: preCloudInitIso(settings, 'v1alpha3'),
    Shutdown: unaryHandler('Shutdown', settings.log, async () => {
      settings.log.info('Shutdown requested', { hook: 'Shutdown', version: 'v1alpha3' });
      // After the reply is written; the graceful stop still waits for it and for calls in flight.
      setImmediate(settings.onShutdown);
      return { ok: true, value: {} };
    }),
  };
}
