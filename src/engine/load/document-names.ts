/** The names documents go by: the one a full-form document gives itself, or one derived from its source. */
import { isRecord } from '../is-record.js';
import type { SourceInfo } from '../model.js';

/**
 * Files name short-form documents by their base name (`smbios.yaml#1`); annotations by the whole
 * source (`annotation:hookpatch.io/patch#0`).
 */
export function derivedName(info: SourceInfo, index: number): string {
  return `${sourceName(info)}#${index}`;
}

function sourceName(info: SourceInfo): string {
  if (info.origin === 'annotation') return info.source;
  if (info.source === '-') return 'stdin';
  return (
    info.source
      .split('/')
      .filter((part) => part !== '')
      .at(-1) ?? info.source
  );
}

/** The name a full-form document gives itself, if it got that far. */
export function writtenName(value: unknown): string | undefined {
  if (!isRecord(value) || !isRecord(value.metadata)) return undefined;
  const name = value.metadata.name;
  return typeof name === 'string' ? name : undefined;
}
