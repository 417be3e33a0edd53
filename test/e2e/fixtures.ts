/** The recorded virt-launcher inputs in test/fixtures/calls/ and the patch documents the end-to-end tests serve. */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CALLS = fileURLToPath(new URL('../fixtures/calls/', import.meta.url));

export function callFixture(name: string): Buffer {
  return readFileSync(join(CALLS, name));
}

export const DOMAIN = callFixture('domain_x86_64.tabs.xml');
export const VMI = callFixture('vmi.json');
export const CLOUD_INIT_DATA = callFixture('cloudinitdata.json');
export const NO_CLOUD = callFixture('nocloud.json');

/** A manufacturer entry put first in the SMBIOS base board (the user guide's hook, as a document). */
export function baseBoardPatch(maker: string): string {
  return [
    'domain:',
    '  - op: add',
    '    path: /domain/sysinfo/baseBoard',
    '    position: prepend',
    `    value: <entry name="manufacturer">${maker}</entry>`,
    '',
  ].join('\n');
}

export function baseBoardEntry(maker: string): string {
  return `<entry name="manufacturer">${maker}</entry>`;
}

/**
 * Two cloud-init documents: the hostname one only fits noCloud data (configDrive has no NoCloudMetaData),
 * so it is `Ignore`d there; the SSH key one fits every sample.
 */
export const CLOUD_INIT_PATCH = [
  'failurePolicy: Ignore',
  'cloudInit:',
  '  - op: replace',
  '    path: /NoCloudMetaData/local-hostname',
  '    value: patched-host',
  '---',
  'userData:',
  '  - op: add',
  '    path: /ssh_authorized_keys',
  '    value: [ssh-ed25519 AAAA ops@example.com]',
  '',
].join('\n');

/** The recorded PreCloudInitIso inputs: [cloudInitData, cloudInitNoCloudSource]. */
export const CLOUD_INIT_SAMPLES: ReadonlyArray<readonly [Buffer, Buffer]> = [
  [CLOUD_INIT_DATA, NO_CLOUD],
  ...[
    '02-nocloud-networkdata-vmi-masquerade',
    '04-configdrive-vmi-multus-multiple-net',
    '06-nocloud-go-escaping-synthetic',
  ].map(
    (name) =>
      [
        callFixture(`${name}.cloudInitData.json`),
        callFixture(`${name}.cloudInitNoCloudSource.json`),
      ] as const,
  ),
];

/** A VMI like the recorded one, with its own name and, when given, a `hookpatch.io/patch` annotation. */
export function vmiWith(name: string, annotation?: string): Buffer {
  const vmi: { metadata: { name: string; annotations: Record<string, string> } } = JSON.parse(
    VMI.toString('utf8'),
  );
  vmi.metadata.name = name;
  if (annotation !== undefined) vmi.metadata.annotations['hookpatch.io/patch'] = annotation;
  return Buffer.from(JSON.stringify(vmi));
}

export async function writePatch(dir: string, name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}
