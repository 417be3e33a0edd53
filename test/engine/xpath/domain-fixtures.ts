/** The domain XML files the XPath tests run over: KubeVirt's own domains and a sample of libvirt's test domains. */
import { readdirSync, readFileSync } from 'node:fs';
import { DOMParser, type Document } from '@xmldom/xmldom';

const folder = new URL('../../fixtures/xpath-tests/domains/', import.meta.url);

export interface DomainFixture {
  readonly name: string;
  readonly document: Document;
}

export function loadDomains(): DomainFixture[] {
  return ['kubevirt', 'libvirt'].flatMap((origin) => {
    const directory = new URL(`${origin}/`, folder);
    return readdirSync(directory)
      .filter((file) => file.endsWith('.xml'))
      .sort()
      .map((file) => ({
        name: `${origin}/${file}`,
        document: parseXml(readFileSync(new URL(file, directory), 'utf8')),
      }));
  });
}

export function parseXml(text: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(message);
    },
  }).parseFromString(text, 'text/xml');
}
