/**
 * The domain XML a call brings, refused before it is parsed when it is longer, or its DOM larger,
 * than a call may hold.
 */
import type { PatchError } from './errors.js';
import type { Limits } from './limits.js';
import { domSizeOf, type DomSize } from './xml/dom-size.js';

const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

/**
 * LIMIT_EXCEEDED for an input over `maxInputLength`, or whose DOM would need more heap than
 * `maxDomBytes` (xml/dom-size.ts); `measured` is that estimate when the caller has it.
 */
export function domainInputRefusal(
  domainXml: string,
  limits: Limits,
  measured?: DomSize,
): PatchError | undefined {
  if (domainXml.length > limits.maxInputLength)
    return {
      code: 'LIMIT_EXCEEDED',
      message: `the domain XML is ${domainXml.length} characters, more than ${limits.maxInputLength}`,
      location: {},
    };
  const size = measured ?? domSizeOf(domainXml);
  if (size.bytes <= limits.maxDomBytes) return undefined;
  return {
    code: 'LIMIT_EXCEEDED',
    message:
      `the domain XML (${size.elements} elements, ${size.attributes} attributes) needs about ` +
      `${mib(size.bytes)} MiB of heap, more than the ${mib(limits.maxDomBytes)} MiB a call may ` +
      "take here (--max-dom-bytes; the sidecar's heap sets it)",
    location: {},
  };
}
