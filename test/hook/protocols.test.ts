/** The codec's field tables match proto/*.proto, and its bytes are protobufjs's (through proto-loader) both ways. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { loadSync, type PackageDefinition } from '@grpc/proto-loader';
import { decodeMessage } from '../../src/hook/protobuf-decode.js';
import { encodeMessage } from '../../src/hook/protobuf-encode.js';
import { MalformedMessage, type MessageFields } from '../../src/hook/protobuf-fields.js';
import { SERVICES, serviceDefinition, type ServiceName } from '../../src/hook/protocols.js';

const protoDir = fileURLToPath(new URL('../../proto/', import.meta.url));
const proto: PackageDefinition = loadSync(
  [
    'kubevirt/hooks/info.proto',
    'kubevirt/hooks/v1alpha1.proto',
    'kubevirt/hooks/v1alpha2.proto',
    'kubevirt/hooks/v1alpha3.proto',
    'kubevirt/hooks/plugins/v1alpha1.proto',
  ],
  { includeDirs: [protoDir], keepCase: true, defaults: true },
);

const TYPE_OF = { TYPE_STRING: 'string', TYPE_BYTES: 'bytes', TYPE_INT32: 'int32' } as const;

interface ProtoField {
  name: string;
  number: number;
  label: string;
  type: string;
  typeName: string;
}

/** Our table against the .proto's descriptor, nested messages too. */
function assertSameFields(ours: MessageFields, packageName: string, typeName: string): void {
  const found = proto[`${packageName}.${typeName}`] as { type: unknown } | undefined;
  assert.ok(found !== undefined, `${packageName}.${typeName} in proto/`);
  const fields = (found.type as { field: ProtoField[] }).field;
  assert.deepEqual(
    ours.map((spec) => [spec.name, spec.number, spec.repeated === true]),
    fields.map((field) => [field.name, field.number, field.label === 'LABEL_REPEATED']),
    typeName,
  );
  for (const [index, field] of fields.entries()) {
    const spec = ours[index];
    if (spec === undefined) continue;
    if (field.type === 'TYPE_MESSAGE') {
      assert.equal(spec.type.kind, 'message', `${typeName}.${field.name}`);
      if (spec.type.kind === 'message')
        assertSameFields(spec.type.fields, packageName, field.typeName);
    } else {
      assert.equal(
        spec.type.kind,
        TYPE_OF[field.type as keyof typeof TYPE_OF],
        `${typeName}.${field.name}`,
      );
    }
  }
}

const serviceNames = Object.keys(SERVICES) as ServiceName[];

for (const service of serviceNames) {
  test(`${service}: the same methods and messages as proto/`, () => {
    const definition = proto[service] as Record<
      string,
      { requestType: { type: unknown }; responseType: { type: unknown } }
    >;
    const packageName = service.slice(0, service.lastIndexOf('.'));
    assert.deepEqual(
      SERVICES[service].map((method) => method.name).sort(),
      Object.keys(definition).sort(),
    );
    for (const method of SERVICES[service]) {
      const theirs = definition[method.name];
      assert.ok(theirs !== undefined);
      assertSameFields(
        method.request,
        packageName,
        (theirs.requestType.type as { name: string }).name,
      );
      assertSameFields(
        method.response,
        packageName,
        (theirs.responseType.type as { name: string }).name,
      );
    }
  });
}

const callbacks = 'kubevirt.hooks.v1alpha3.Callbacks';
const reference = proto[callbacks] as Record<
  string,
  { requestSerialize(m: object): Buffer; requestDeserialize(b: Buffer): object }
>;
const info = proto['kubevirt.hooks.info.Info'] as Record<
  string,
  { responseSerialize(m: object): Buffer; responseDeserialize(b: Buffer): object }
>;
const ours = serviceDefinition(callbacks);
const ourInfo = serviceDefinition('kubevirt.hooks.info.Info');

/** What protobufjs reads back from bytes either side wrote (empty fields may or may not be written). */
test('any request bytes round-trip between protobufjs and the codec, both ways', () => {
  const bytes = fc.uint8Array({ maxLength: 300 }).map((array) => Buffer.from(array));
  const theirs = reference.PreCloudInitIso!;
  const codec = ours.PreCloudInitIso!;
  fc.assert(
    fc.property(bytes, bytes, bytes, (cloudInitNoCloudSource, vmi, cloudInitData) => {
      const message = { cloudInitNoCloudSource, vmi, cloudInitData };
      const expected = theirs.requestDeserialize(theirs.requestSerialize(message));
      assert.deepEqual(theirs.requestDeserialize(codec.requestSerialize(message)), expected);
      assert.deepEqual(codec.requestDeserialize(theirs.requestSerialize(message)), expected);
    }),
  );
});

test('Info replies: strings, repeated messages and int32 (negative too) match protobufjs', () => {
  const point = fc.record({
    name: fc.string(),
    priority: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  });
  const theirs = info.Info!;
  const codec = ourInfo.Info!;
  fc.assert(
    fc.property(
      fc.string(),
      fc.array(fc.string()),
      fc.array(point),
      (name, versions, hookPoints) => {
        const message = { name, versions, hookPoints };
        const expected = theirs.responseDeserialize(theirs.responseSerialize(message));
        assert.deepEqual(theirs.responseDeserialize(codec.responseSerialize(message)), expected);
        assert.deepEqual(codec.responseDeserialize(theirs.responseSerialize(message)), expected);
      },
    ),
  );
});

test('absent fields read as proto3 defaults, unknown fields are skipped', () => {
  const fields = SERVICES[callbacks][0]!.request;
  assert.deepEqual(decodeMessage(fields, Buffer.alloc(0)), {
    domainXML: Buffer.alloc(0),
    vmi: Buffer.alloc(0),
  });
  // field 9 as a varint, then field 1 = "x"
  assert.deepEqual(decodeMessage(fields, Buffer.from([0x48, 0x05, 0x0a, 0x01, 0x78])), {
    domainXML: Buffer.from('x'),
    vmi: Buffer.alloc(0),
  });
  assert.deepEqual(encodeMessage(fields, { domainXML: Buffer.alloc(0) }), Buffer.alloc(0));
});

const malformed: ReadonlyArray<[string, number[]]> = [
  ['a length past the end', [0x0a, 0x05, 0x78]],
  ['a varint that never ends', [0x08, 0xff, 0xff]],
  ['field number 0', [0x02, 0x00]],
  ['a known field with another wire type', [0x08, 0x01]],
  ['a group (wire type 3)', [0x1b]],
];

for (const [name, bytes] of malformed) {
  test(`malformed request: ${name}`, () => {
    assert.throws(
      () => decodeMessage(SERVICES[callbacks][0]!.request, Buffer.from(bytes)),
      MalformedMessage,
    );
  });
}

test('a value of the wrong type is refused when encoding (a bug of the caller)', () => {
  assert.throws(
    () => encodeMessage(SERVICES[callbacks][0]!.response, { domainXML: 42 }),
    TypeError,
  );
});

test('a bytes field given as text is written as its UTF-8, behind the room reserved for the frame header', () => {
  const response = SERVICES[callbacks][0]!.response;
  const text = '<domain>é</domain>';
  const reserved = encodeMessage(response, { domainXML: text }, 5);
  assert.deepEqual(reserved.subarray(0, 5), Buffer.alloc(5));
  assert.deepEqual(reserved.subarray(5), encodeMessage(response, { domainXML: Buffer.from(text) }));
  assert.deepEqual(decodeMessage(response, reserved.subarray(5)), { domainXML: Buffer.from(text) });
});
