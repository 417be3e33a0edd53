/** The domain XML corpus (libvirt's test data and recorded KubeVirt domains) that the property tests patch. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDomainXml } from '../../src/engine/xml/parse-xml.js';

const ROOTS = ['../fixtures/libvirt-domains/', '../fixtures/domain/inputs/'].map((root) =>
  fileURLToPath(new URL(root, import.meta.url)),
);

function xmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? xmlFiles(join(dir, entry.name))
      : entry.name.endsWith('.xml')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Every corpus domain the engine parses (a few libvirt test files are deliberately invalid), as [file, text]. */
export function corpusDomains(): ReadonlyArray<readonly [string, string]> {
  return ROOTS.flatMap(xmlFiles)
    .sort()
    .map((file) => [file, readFileSync(file, 'utf8')] as const)
    .filter(([, text]) => parseDomainXml(text).ok && /<domain[\s>]/.test(text));
}
