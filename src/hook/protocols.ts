/**
 * KubeVirt's hook services and their unary methods (proto/kubevirt/hooks/*.proto), with the codec
 * for each message: what the server dispatches on, and what grpc-js clients call with.
 */
import type { ServiceDefinition } from '@grpc/grpc-js';
import { CALLBACKS, INFO, PLUGIN } from './kubevirt-messages.js';
import { decodeMessage } from './protobuf-decode.js';
import { encodeMessage } from './protobuf-encode.js';
import type { MessageFields } from './protobuf-fields.js';

/** The services hookpatch serves (and the tests call), by fully qualified name. */
export type ServiceName =
  | 'kubevirt.hooks.info.Info'
  | 'kubevirt.hooks.v1alpha1.Callbacks'
  | 'kubevirt.hooks.v1alpha2.Callbacks'
  | 'kubevirt.hooks.v1alpha3.Callbacks'
  | 'kubevirt.hooks.plugins.v1alpha1.DomainHookService';

export interface UnaryMethod {
  readonly name: string;
  readonly request: MessageFields;
  readonly response: MessageFields;
}

const onDefineDomain: UnaryMethod = {
  name: 'OnDefineDomain',
  request: CALLBACKS.OnDefineDomainParams,
  response: CALLBACKS.OnDefineDomainResult,
};
const preCloudInitIso: UnaryMethod = {
  name: 'PreCloudInitIso',
  request: CALLBACKS.PreCloudInitIsoParams,
  response: CALLBACKS.PreCloudInitIsoResult,
};

export const SERVICES: Readonly<Record<ServiceName, readonly UnaryMethod[]>> = {
  'kubevirt.hooks.info.Info': [
    { name: 'Info', request: INFO.InfoParams, response: INFO.InfoResult },
  ],
  'kubevirt.hooks.v1alpha1.Callbacks': [onDefineDomain],
  'kubevirt.hooks.v1alpha2.Callbacks': [onDefineDomain, preCloudInitIso],
  'kubevirt.hooks.v1alpha3.Callbacks': [
    onDefineDomain,
    preCloudInitIso,
    { name: 'Shutdown', request: CALLBACKS.ShutdownParams, response: CALLBACKS.ShutdownResult },
  ],
  'kubevirt.hooks.plugins.v1alpha1.DomainHookService': [
    {
      name: 'MutateDomain',
      request: PLUGIN.MutateDomainRequest,
      response: PLUGIN.MutateDomainResponse,
    },
  ],
};

/** The HTTP/2 `:path` of a gRPC method. */
export function methodPath(service: ServiceName, method: string): string {
  return `/${service}/${method}`;
}

/** The service in grpc-js's shape, for clients (`hookpatch call`, the tests). */
export function serviceDefinition(name: ServiceName): ServiceDefinition {
  return Object.fromEntries(
    SERVICES[name].map((method) => [
      method.name,
      {
        path: methodPath(name, method.name),
        requestStream: false,
        responseStream: false,
        requestSerialize: (message: object) => encodeMessage(method.request, message),
        requestDeserialize: (bytes: Buffer) => decodeMessage(method.request, bytes),
        responseSerialize: (message: object) => encodeMessage(method.response, message),
        responseDeserialize: (bytes: Buffer) => decodeMessage(method.response, bytes),
      },
    ]),
  );
}
