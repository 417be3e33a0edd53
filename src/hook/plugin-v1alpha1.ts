/** `kubevirt.hooks.plugins.v1alpha1.DomainHookService`: the plugin API's MutateDomain, with its invocation context. */
import { INVOCATION_CONTEXTS, type InvocationContext } from '../engine/index.js';
import { patchDomain } from './domain-call.js';
import type { CallResult, HookDeps } from './hook-call.js';
import { bytesField, messageField, stringField } from './request-fields.js';
import { unaryHandler, type ServiceImplementation } from './unary-handler.js';

export interface PluginSettings extends HookDeps {
  readonly annotations: boolean;
}

/** `sidecar_context.invocation_context`; an absent or empty one is a boot, as before the field existed. */
function invocationContext(request: unknown): CallResult<InvocationContext> {
  const text = stringField(messageField(request, 'sidecar_context'), 'invocation_context');
  if (text === '') return { ok: true, value: 'Boot' };
  const context = INVOCATION_CONTEXTS.find((known) => known === text);
  if (context !== undefined) return { ok: true, value: context };
  return {
    ok: false,
    failure: {
      kind: 'request',
      message:
        `MutateDomain: unknown invocation_context ${JSON.stringify(text)}, ` +
        `expected one of ${INVOCATION_CONTEXTS.join(', ')}`,
    },
  };
}

export function pluginV1alpha1(settings: PluginSettings): ServiceImplementation {
  return {
    MutateDomain: unaryHandler('MutateDomain', settings.log, async (request) => {
      const domainType = stringField(request, 'domain_type');
      if (domainType !== 'libvirt') {
        return {
          ok: false,
          failure: {
            kind: 'request',
            message: `MutateDomain: domain_type ${JSON.stringify(domainType)} is not supported, only "libvirt"`,
          },
        };
      }
      const context = invocationContext(request);
      if (!context.ok) return context;
      const call = {
        hook: 'MutateDomain',
        version: 'plugins/v1alpha1',
        context: context.value,
        annotations: settings.annotations,
      } as const;
      const result = await patchDomain(
        settings,
        call,
        'domain',
        bytesField(request, 'domain'),
        bytesField(request, 'vmi'),
      );
      return result.ok ? { ok: true, value: { domain: result.value } } : result;
    }),
  };
}
