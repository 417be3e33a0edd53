/**
 * KubeVirt's hook messages as field tables for the codec: the same names, numbers and types as
 * proto/kubevirt/hooks/*.proto (a test compares the two), keepCase names as on the wire.
 */
import type { FieldKind, MessageFields } from './protobuf-fields.js';

const STRING: FieldKind = { kind: 'string' };
const BYTES: FieldKind = { kind: 'bytes' };
const INT32: FieldKind = { kind: 'int32' };

const EMPTY: MessageFields = [];

const HOOK_POINT: MessageFields = [
  { name: 'name', number: 1, type: STRING },
  { name: 'priority', number: 2, type: INT32 },
];

/** info.proto */
export const INFO = {
  InfoParams: EMPTY,
  InfoResult: [
    { name: 'name', number: 1, type: STRING },
    {
      name: 'hookPoints',
      number: 3,
      type: { kind: 'message', fields: HOOK_POINT },
      repeated: true,
    },
    { name: 'versions', number: 4, type: STRING, repeated: true },
  ],
} as const satisfies Record<string, MessageFields>;

/** v1alpha1.proto – v1alpha3.proto: the same messages in each version's package. */
export const CALLBACKS = {
  OnDefineDomainParams: [
    { name: 'domainXML', number: 1, type: BYTES },
    { name: 'vmi', number: 2, type: BYTES },
  ],
  OnDefineDomainResult: [{ name: 'domainXML', number: 1, type: BYTES }],
  PreCloudInitIsoParams: [
    { name: 'cloudInitNoCloudSource', number: 1, type: BYTES },
    { name: 'vmi', number: 2, type: BYTES },
    { name: 'cloudInitData', number: 3, type: BYTES },
  ],
  PreCloudInitIsoResult: [
    { name: 'cloudInitNoCloudSource', number: 1, type: BYTES },
    { name: 'cloudInitData', number: 3, type: BYTES },
  ],
  ShutdownParams: EMPTY,
  ShutdownResult: EMPTY,
} as const satisfies Record<string, MessageFields>;

const SIDECAR_CONTEXT: MessageFields = [{ name: 'invocation_context', number: 1, type: STRING }];

/** plugins/v1alpha1.proto */
export const PLUGIN = {
  MutateDomainRequest: [
    { name: 'domain_type', number: 1, type: STRING },
    { name: 'domain', number: 2, type: BYTES },
    { name: 'vmi', number: 3, type: BYTES },
    { name: 'sidecar_context', number: 4, type: { kind: 'message', fields: SIDECAR_CONTEXT } },
  ],
  MutateDomainResponse: [{ name: 'domain', number: 1, type: BYTES }],
} as const satisfies Record<string, MessageFields>;
