/** The bad-input catalogue: each hostile input, where it goes in a call, and the error it must give in the engine and over the socket. */
import { readFileSync } from 'node:fs';
import { status } from '@grpc/grpc-js';
import type { ErrorCode } from '../../src/engine/index.js';

const FIXTURES = new URL('../fixtures/hostile/', import.meta.url);

export function hostileFixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

/** What one call carries; absent parts are the good defaults of the test using the case. */
export interface HostileInput {
  readonly domain?: Buffer;
  readonly cloudInitData?: Buffer;
  /** the `hookpatch.io/patch` annotation (over the socket) or the patch text (in the engine) */
  readonly patch?: string;
  /** the VMI fields besides the annotation, when they are the hostile part */
  readonly vmiSpec?: unknown;
  /** raw VMI bytes, when the VMI itself is the hostile part */
  readonly vmiBytes?: Buffer;
}

export interface HostileCase {
  readonly name: string;
  readonly hook: 'OnDefineDomain' | 'PreCloudInitIso';
  readonly input: HostileInput;
  /** the code the engine gives; undefined when only the hook edge sees this input (bytes, the VMI) */
  readonly engine: ErrorCode | undefined;
  /** the code in the reply's details (`[CODE]`), or undefined when grpc refuses the message itself */
  readonly code: ErrorCode | undefined;
  readonly status: status;
}

const deepXml = (depth: number): string =>
  `<domain type="kvm">${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</domain>`;
const deepJson = (depth: number): string =>
  `{"DataSource":"noCloud","UserData":${'['.repeat(depth)}${']'.repeat(depth)}}`;
/** One operation per line in flow style: `count` operations of about 40 characters each. */
const manyOperations = (count: number): string =>
  `domain:\n${'  - {op: remove, path: /a}\n'.repeat(count)}`;
/** A 16 MiB domain: many small devices, well-formed. */
const hugeDomain = (): string =>
  `<domain type="kvm"><devices>${'<controller type="usb" index="0"/>'.repeat((16 * 1024 * 1024) / 34)}</devices></domain>`;
const yamlBombUserData = `#cloud-config\n${hostileFixture('yaml-bomb.yaml').replace(/\ndomain:[\s\S]*$/, '\n')}`;

const domain = (text: string): HostileInput => ({ domain: Buffer.from(text, 'utf8') });
const cloudInit = (text: string): HostileInput => ({ cloudInitData: Buffer.from(text, 'utf8') });
const patch = (text: string): HostileInput => ({ patch: text });

/** Built on demand: the large rows cost memory only while a test uses them. */
export function hostileCases(): readonly HostileCase[] {
  const I = status.INVALID_ARGUMENT;
  const F = status.FAILED_PRECONDITION;
  return [
    {
      name: 'malformed XML',
      hook: 'OnDefineDomain',
      input: domain(hostileFixture('malformed.xml')),
      engine: 'XML_MALFORMED',
      code: 'XML_MALFORMED',
      status: I,
    },
    {
      name: 'a DOCTYPE with entities (billion laughs)',
      hook: 'OnDefineDomain',
      input: domain(hostileFixture('billion-laughs.xml')),
      engine: 'DOCTYPE_REFUSED',
      code: 'DOCTYPE_REFUSED',
      status: I,
    },
    {
      name: 'an external entity',
      hook: 'OnDefineDomain',
      input: domain(hostileFixture('external-entity.xml')),
      engine: 'DOCTYPE_REFUSED',
      code: 'DOCTYPE_REFUSED',
      status: I,
    },
    {
      name: 'an entity reference without a DTD',
      hook: 'OnDefineDomain',
      input: domain(hostileFixture('undeclared-entity.xml')),
      engine: 'XML_MALFORMED',
      code: 'XML_MALFORMED',
      status: I,
    },
    {
      name: 'non-UTF-8 bytes in the domain',
      hook: 'OnDefineDomain',
      input: {
        domain: Buffer.from([
          0x3c, 0x64, 0x6f, 0x6d, 0x61, 0x69, 0x6e, 0x3e, 0xff, 0xfe, 0xc3, 0x28, 0x3c, 0x2f, 0x64,
          0x6f, 0x6d, 0x61, 0x69, 0x6e, 0x3e,
        ]),
      },
      engine: undefined,
      code: 'XML_MALFORMED',
      status: I,
    },
    {
      name: 'non-UTF-8 bytes in the VMI',
      hook: 'OnDefineDomain',
      input: { vmiBytes: Buffer.from([0x7b, 0x22, 0xc0, 0xaf, 0x22, 0x3a, 0x31, 0x7d]) },
      engine: undefined,
      code: 'JSON_MALFORMED',
      status: I,
    },
    {
      name: 'a domain nested 100,000 deep',
      hook: 'OnDefineDomain',
      input: domain(deepXml(100_000)),
      engine: 'LIMIT_EXCEEDED',
      code: 'LIMIT_EXCEEDED',
      status: I,
    },
    {
      name: 'a 16 MiB domain',
      hook: 'OnDefineDomain',
      input: domain(hugeDomain()),
      engine: 'LIMIT_EXCEEDED',
      code: undefined,
      status: status.RESOURCE_EXHAUSTED,
    },
    {
      name: 'an empty domain',
      hook: 'OnDefineDomain',
      input: domain(''),
      engine: 'XML_MALFORMED',
      code: 'XML_MALFORMED',
      status: I,
    },
    {
      name: 'empty cloudInitData',
      hook: 'PreCloudInitIso',
      input: cloudInit(''),
      engine: 'JSON_MALFORMED',
      code: 'JSON_MALFORMED',
      status: I,
    },
    {
      name: 'VMI JSON that is an array',
      hook: 'OnDefineDomain',
      input: { vmiBytes: Buffer.from('[{"metadata":{}}]') },
      engine: undefined,
      code: 'JSON_MALFORMED',
      status: I,
    },
    {
      name: 'VMI JSON that is a string',
      hook: 'OnDefineDomain',
      input: { vmiBytes: Buffer.from('"vmi"') },
      engine: undefined,
      code: 'JSON_MALFORMED',
      status: I,
    },
    {
      name: 'a VMI nested 100,000 deep',
      hook: 'OnDefineDomain',
      input: { vmiBytes: Buffer.from(`{"spec":${'['.repeat(100_000)}${']'.repeat(100_000)}}`) },
      engine: undefined,
      code: 'LIMIT_EXCEEDED',
      status: I,
    },
    {
      name: 'cloudInitData that is not an object',
      hook: 'PreCloudInitIso',
      input: cloudInit('[1,2,3]'),
      engine: 'JSON_MALFORMED',
      code: 'JSON_MALFORMED',
      status: I,
    },
    {
      name: 'a CloudInitData missing NoCloudMetaData',
      hook: 'PreCloudInitIso',
      input: cloudInit('{"DataSource":"noCloud","UserData":"#cloud-config\\n"}'),
      engine: 'POINTER_NOT_FOUND',
      code: 'POINTER_NOT_FOUND',
      status: F,
    },
    {
      name: 'a CloudInitData whose UserData is not a string',
      hook: 'PreCloudInitIso',
      input: cloudInit(
        '{"DataSource":"noCloud","NoCloudMetaData":{"instance-id":"i"},"UserData":7}',
      ),
      engine: 'NOT_CLOUD_CONFIG',
      code: 'NOT_CLOUD_CONFIG',
      status: F,
    },
    {
      name: 'cloudInitData nested 100,000 deep',
      hook: 'PreCloudInitIso',
      input: cloudInit(deepJson(100_000)),
      engine: 'LIMIT_EXCEEDED',
      code: 'LIMIT_EXCEEDED',
      status: I,
    },
    {
      name: 'a YAML bomb in user data',
      hook: 'PreCloudInitIso',
      input: cloudInit(
        JSON.stringify({
          DataSource: 'noCloud',
          NoCloudMetaData: { 'instance-id': 'i' },
          UserData: yamlBombUserData,
        }),
      ),
      engine: 'LIMIT_EXCEEDED',
      code: 'LIMIT_EXCEEDED',
      status: F,
    },
    {
      name: 'a YAML bomb in a patch',
      hook: 'OnDefineDomain',
      input: patch(hostileFixture('yaml-bomb.yaml')),
      engine: 'LIMIT_EXCEEDED',
      code: 'LIMIT_EXCEEDED',
      status: F,
    },
    {
      name: 'a patch nested 100,000 deep',
      hook: 'OnDefineDomain',
      input: patch(`domain: ${'['.repeat(100_000)}${']'.repeat(100_000)}`),
      engine: 'LIMIT_EXCEEDED',
      code: 'LIMIT_EXCEEDED',
      status: F,
    },
    {
      name: 'a patch with 100,000 operations',
      hook: 'OnDefineDomain',
      input: patch(manyOperations(100_000)),
      engine: 'LIMIT_EXCEEDED',
      code: 'LIMIT_EXCEEDED',
      status: F,
    },
    {
      name: 'a patch with 10,001 operations in under 1 MiB',
      hook: 'OnDefineDomain',
      input: patch(manyOperations(10_001)),
      engine: 'LIMIT_EXCEEDED',
      code: 'LIMIT_EXCEEDED',
      status: F,
    },
    {
      name: 'a fragment nested 100,000 deep',
      hook: 'OnDefineDomain',
      input: patch(
        `domain:\n  - {op: add, path: /domain, value: "${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}"}\n`,
      ),
      engine: 'LIMIT_EXCEEDED',
      code: 'LIMIT_EXCEEDED',
      status: F,
    },
    {
      name: 'an XPath of 100,000 tokens',
      hook: 'OnDefineDomain',
      input: patch(`domain:\n  - {op: remove, path: "/domain${'/a'.repeat(50_000)}"}\n`),
      engine: 'LIMIT_EXCEEDED',
      code: 'LIMIT_EXCEEDED',
      status: F,
    },
    {
      name: 'a CEL expression that would run forever',
      hook: 'OnDefineDomain',
      input: patch(hostileFixture('cel-forever.yaml')),
      engine: 'LIMIT_EXCEEDED',
      code: 'LIMIT_EXCEEDED',
      status: F,
    },
    {
      name: 'a CEL expression that would run forever on this VMI',
      hook: 'OnDefineDomain',
      input: {
        patch: hostileFixture('cel-vmi-forever.yaml'),
        vmiSpec: { items: Array.from({ length: 1000 }, (_, i) => i) },
      },
      engine: 'LIMIT_EXCEEDED',
      code: 'LIMIT_EXCEEDED',
      status: F,
    },
    {
      name: 'an XPath that selects the root for removal',
      hook: 'OnDefineDomain',
      input: patch(hostileFixture('remove-root.yaml')),
      engine: 'ROOT_REMOVED',
      code: 'ROOT_REMOVED',
      status: F,
    },
    {
      name: 'a set path that is not simple',
      hook: 'OnDefineDomain',
      input: patch(hostileFixture('set-not-simple.yaml')),
      engine: 'NOT_SIMPLE_PATH',
      code: 'NOT_SIMPLE_PATH',
      status: F,
    },
  ];
}
