/** The KubeVirt wire definitions from proto/, loaded once, as gRPC service definitions by protocol. */
import { fileURLToPath } from 'node:url';
import { loadSync, type PackageDefinition } from '@grpc/proto-loader';
import type { ServiceDefinition } from '@grpc/grpc-js';

/** The services hookpatch serves (and the tests call), by fully qualified name. */
export type ServiceName =
  | 'kubevirt.hooks.info.Info'
  | 'kubevirt.hooks.v1alpha1.Callbacks'
  | 'kubevirt.hooks.v1alpha2.Callbacks'
  | 'kubevirt.hooks.v1alpha3.Callbacks'
  | 'kubevirt.hooks.plugins.v1alpha1.DomainHookService';

const PROTO_FILES = [
  'kubevirt/hooks/info.proto',
  'kubevirt/hooks/v1alpha1.proto',
  'kubevirt/hooks/v1alpha2.proto',
  'kubevirt/hooks/v1alpha3.proto',
  'kubevirt/hooks/plugins/v1alpha1.proto',
];

/** `proto/` sits two levels above this module both in src/hook/ and in dist/hook/. */
const PROTO_DIR = fileURLToPath(new URL('../../proto/', import.meta.url));

let loaded: PackageDefinition | undefined;

function packageDefinition(): PackageDefinition {
  // keepCase: the wire names are `domainXML`, `hookPoints`, `domain_type`; bytes arrive as Buffer.
  loaded ??= loadSync(PROTO_FILES, {
    includeDirs: [PROTO_DIR],
    keepCase: true,
    defaults: true,
    longs: String,
    enums: String,
  });
  return loaded;
}

export function serviceDefinition(name: ServiceName): ServiceDefinition {
  const definition = packageDefinition()[name];
  if (definition === undefined || 'format' in definition)
    throw new Error(`${name} is not a service in proto/`);
  return definition;
}
