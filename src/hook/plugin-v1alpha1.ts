/** `kubevirt.hooks.plugins.v1alpha1.DomainHookService`: the plugin API's MutateDomain, with its invocation context. */
import { INVOCATION_CONTEXTS, type InvocationContext, type PatchError } from '../engine/index.js';
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
  const message = `unknown ${JSON.stringify(text)}, expected one of ${INVOCATION_CONTEXTS.join(', ')}`;
  return { ok: false, errors: [requestInvalid('invocation_context', message)] };
}

/** A request field the plugin API defines, holding a value it does not allow. */
function requestInvalid(field: string, message: string): PatchError {
  return { code: 'REQUEST_INVALID', message, location: { source: field } };
}

export function pluginV1alpha1(settings: PluginSettings): ServiceImplementation {
  return {
    MutateDomain: unaryHandler('MutateDomain', settings.log, async (request) => {
      const domainType = stringField(request, 'domain_type');
      if (domainType !== 'libvirt') {
        const message = `${JSON.stringify(domainType)} is not supported, only "libvirt"`;
        return { ok: false, errors: [requestInvalid('domain_type', message)] };
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
