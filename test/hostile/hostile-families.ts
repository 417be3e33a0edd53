/**
 * The hostile families of SPEC §5 "Bounded work", as generators: `scale` 1 is the size at which
 * each once killed or hung the served process; the tests also run them at 2×. Each family
 * makes the calls of one case (most one call; the compile cache needs several).
 */
import { CLOUD_INIT_DATA, DOMAIN, VMI } from '../e2e/fixtures.js';
import { domainWithDisks } from '../../bench/synthetic-domain.js';

/** One call's request parts; absent ones are the recorded good inputs. */
export interface FamilyCall {
  readonly hook: 'OnDefineDomain' | 'PreCloudInitIso';
  readonly domain?: string;
  readonly cloudInitData?: string;
  /** the VMI's `hookpatch.io/patch` annotation */
  readonly annotation?: string;
  /** the VMI's spec, merged over the recorded one */
  readonly vmiSpec?: Readonly<Record<string, unknown>>;
}

export interface Family {
  readonly name: string;
  /** takes many seconds of CPU unbounded: also run at 200m */
  readonly heavy?: boolean;
  make(scale: number): readonly FamilyCall[];
}

const domainText = DOMAIN.toString('utf8');
const cloudInit = JSON.parse(CLOUD_INIT_DATA.toString('utf8')) as Record<string, unknown>;

const annotated = (annotation: string): FamilyCall[] => [{ hook: 'OnDefineDomain', annotation }];
const domain = (text: string): FamilyCall[] => [{ hook: 'OnDefineDomain', domain: text }];
const userData = (text: string, patch: string): FamilyCall[] => [
  {
    hook: 'PreCloudInitIso',
    cloudInitData: JSON.stringify({ ...cloudInit, UserData: text }),
    annotation: patch,
  },
];
const TOUCH_USER_DATA = 'userData:\n  - {op: add, path: /hostname, value: patched}\n';
/** A string under the 4 MiB gRPC receive limit with the rest of the request around it. */
const underReceiveLimit = (chars: number): number => Math.min(chars, 4_000_000);

export const FAMILIES: readonly Family[] = [
  {
    name: 'add //* five times, two elements each (303 bytes)',
    make: (s) =>
      annotated(
        `domain:\n${'  - {op: add, path: "//*", once: false, value: "<z/><z/>"}\n'.repeat(5 * s)}`,
      ),
  },
  {
    name: 'add //* of a 200-element fragment',
    make: (s) =>
      annotated(
        `domain:\n  - {op: add, path: "//*", once: false, value: "${'<e/>'.repeat(200 * s)}"}\n`,
      ),
  },
  {
    name: 'add //* of a 100 KB text',
    make: (s) =>
      annotated(
        `domain:\n  - {op: add, path: "//*", once: false, value: "${'t'.repeat(100_000 * s)}"}\n`,
      ),
  },
  {
    name: 'a KubeVirt-style domain of 1,800 disks',
    heavy: true,
    make: (s) => domain(domainWithDisks(domainText, 1800 * s)),
  },
  {
    name: '20,000 empty elements',
    make: (s) =>
      domain(domainText.replace('<devices>', `<devices>${'<a></a>'.repeat(20_000 * s)}`)),
  },
  {
    name: 'a 1.26 MB domain',
    make: (s) => domain(domainWithDisks(domainText, 4600 * s)),
  },
  {
    // 4 MiB in and 4 MiB out: the largest request and reply the sidecar's 64M must hold at once
    name: 'a domain of one 2 MB comment, then of one 2 MB text',
    make: (s) => {
      const chars = Math.min(2_085_000 * s, 4_170_000 - domainText.length);
      const filled = (filler: string): string =>
        domainText.replace('</domain>', `${filler}</domain>`);
      return [
        ...domain(filled(`<!--${'c'.repeat(chars)}-->`)),
        ...domain(filled(`<metadata><x>${'t'.repeat(chars)}</x></metadata>`)),
      ];
    },
  },
  {
    name: '6,000 remove operations (227 KB)',
    make: (s) =>
      annotated(
        `domain:\n${'  - {op: remove, path: "/domain/devices/disk[@x=\'1\']/y"}\n'.repeat(6000 * s)}`,
      ),
  },
  {
    name: 'a YAML block sequence nested 30,000 deep on one line',
    make: (s) => annotated(`domain:\n  ${'- '.repeat(30_000 * s)}x\n`),
  },
  {
    name: 'a compact VMI with 250,000 {}',
    make: (s) => [
      {
        hook: 'OnDefineDomain',
        vmiSpec: { items: Array.from({ length: 250_000 * s }, () => ({})) },
        annotation: 'domain:\n  - {op: set, path: /domain/@x, value: y}\n',
      },
    ],
  },
  {
    name: 'user data with 20,000 keys',
    make: (s) =>
      userData(
        `#cloud-config\n${Array.from({ length: 20_000 * s }, (_, i) => `k${i}: v${i}`).join('\n')}\n`,
        TOUCH_USER_DATA,
      ),
  },
  {
    name: 'a 3 MB string in user data',
    make: (s) =>
      userData(
        `#cloud-config\nbig: ${'b'.repeat(underReceiveLimit(3_000_000 * s))}\n`,
        TOUCH_USER_DATA,
      ),
  },
  {
    name: 'user data nested 100,000 deep',
    make: (s) => userData(`#cloud-config\na:\n  ${'- '.repeat(100_000 * s)}x\n`, TOUCH_USER_DATA),
  },
  {
    name: 'copy operations that double /NoCloudMetaData',
    make: (s) => [
      {
        hook: 'PreCloudInitIso',
        annotation: `cloudInit:\n${Array.from(
          { length: 20 * s },
          (_, i) => `  - {op: copy, from: /NoCloudMetaData, path: /NoCloudMetaData/c${i}}\n`,
        ).join('')}`,
      },
    ],
  },
  {
    name: 'an SMBIOS entry of 150,000 spaces',
    make: (s) =>
      domain(
        domainText.replace(
          /<entry name="manufacturer">/,
          `<entry name="manufacturer">x${' '.repeat(150_000 * s)}`,
        ),
      ),
  },
  {
    name: 'a node-set comparison over planted nodes',
    heavy: true,
    make: (s) =>
      annotated(
        [
          'domain:',
          `  - {op: add, path: /domain/devices, value: "${"<p a='1' b='2'/>".repeat(3000 * s)}"}`,
          '  - {op: remove, path: "//*[//@* = //@*]/@gone"}',
          '',
        ].join('\n'),
      ),
  },
  {
    name: 'a reply over 4 MiB',
    make: (s) =>
      annotated(
        `domain:\n  - {op: add, path: "/domain/devices/disk", once: false, value: "<d>${'r'.repeat(400_000 * s)}</d>"}\n`,
      ),
  },
  {
    name: 'eight distinct 37 KB annotations (the compile cache)',
    make: (s) =>
      Array.from({ length: 8 * s }, (_, i) =>
        annotated(
          `domain:\n${`  - {op: set, path: /domain/@n${i}, value: "${'v'.repeat(60)}"}\n`.repeat(450)}`,
        ),
      ).flat(),
  },
];

/** The recorded VMI with `call`'s annotation and spec. */
export function familyVmi(call: FamilyCall): Buffer {
  const vmi = JSON.parse(VMI.toString('utf8')) as {
    metadata: { annotations: Record<string, string> };
    spec: Record<string, unknown>;
  };
  if (call.annotation !== undefined)
    vmi.metadata.annotations['hookpatch.io/patch'] = call.annotation;
  if (call.vmiSpec !== undefined) vmi.spec = { ...vmi.spec, ...call.vmiSpec };
  return Buffer.from(JSON.stringify(vmi));
}
