/** The KubeVirt hook methods the benchmark calls and serves, loaded from the product's `proto/` files. */
import { loadSync, type MethodDefinition, type PackageDefinition } from '@grpc/proto-loader';

export type CallbacksVersion = 'v1alpha1' | 'v1alpha2' | 'v1alpha3';

/** One unary method: its path on the wire and its (de)serializers. */
export type UnaryMethod = MethodDefinition<object, object>;

export interface HookWire {
  readonly info: UnaryMethod;
  readonly onDefineDomain: Readonly<Record<CallbacksVersion, UnaryMethod>>;
}

const PROTO_FILES = [
  'kubevirt/hooks/info.proto',
  'kubevirt/hooks/v1alpha1.proto',
  'kubevirt/hooks/v1alpha2.proto',
  'kubevirt/hooks/v1alpha3.proto',
];

function method(definitions: PackageDefinition, service: string, name: string): UnaryMethod {
  const definition = definitions[service];
  if (definition === undefined || 'format' in definition)
    throw new Error(`${service} is not a service in proto/`);
  const found = definition[name];
  if (found === undefined) throw new Error(`${service} has no method ${name}`);
  return found;
}

/** keepCase: the wire names are `domainXML`, `hookPoints`; bytes arrive as Buffer. */
export function loadWire(protoDir: string): HookWire {
  const definitions = loadSync(PROTO_FILES, {
    includeDirs: [protoDir],
    keepCase: true,
    defaults: true,
  });
  const callbacks = (version: CallbacksVersion): UnaryMethod =>
    method(definitions, `kubevirt.hooks.${version}.Callbacks`, 'OnDefineDomain');
  return {
    info: method(definitions, 'kubevirt.hooks.info.Info', 'Info'),
    onDefineDomain: {
      v1alpha1: callbacks('v1alpha1'),
      v1alpha2: callbacks('v1alpha2'),
      v1alpha3: callbacks('v1alpha3'),
    },
  };
}

/** A bytes field of a decoded message, or undefined. */
export function bytesField(message: object, field: string): Buffer | undefined {
  const value: unknown = Object.getOwnPropertyDescriptor(message, field)?.value;
  return Buffer.isBuffer(value) ? value : undefined;
}

/** Info's `versions`, newest first as virt-launcher prefers them; only the ones it knows. */
export function callbacksVersions(infoResult: object): CallbacksVersion[] {
  const value: unknown = Object.getOwnPropertyDescriptor(infoResult, 'versions')?.value;
  const listed = Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : [];
  const known: CallbacksVersion[] = ['v1alpha3', 'v1alpha2', 'v1alpha1'];
  return known.filter((version) => listed.includes(version));
}
