/**
 * What a YAML 1.1 reader — PyYAML, which cloud-init reads user and network data with — gets from a
 * text, as near as the `yaml` package can tell: the same schema, U+0085, U+2028 and U+2029 taken for
 * the line breaks they are in YAML 1.1, a repeated key's last value winning, and a character outside
 * YAML 1.1's printable set refusing the whole text.
 */
import { parseDocument } from 'yaml';
import { MAX_YAML_ALIASES } from '../limits.js';
import { YAML_OPTIONS } from './embedded-data.js';

const NOT_PRINTABLE = /[^\t\n\r\u0020-\u007e\u0085\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
const YAML11_LINE_BREAK = /[\u0085\u2028\u2029]/g;

/** The data, or `unreadable` where the reader would stop with an error (and cloud-init use none of it). */
export type Yaml11Reading =
  { readonly readable: true; readonly value: unknown } | { readonly readable: false };

export function readAsYaml11(text: string): Yaml11Reading {
  if (NOT_PRINTABLE.test(text)) return { readable: false };
  const document = parseDocument(text.replace(YAML11_LINE_BREAK, '\n'), {
    ...YAML_OPTIONS,
    uniqueKeys: false,
  });
  if (document.errors.length > 0) return { readable: false };
  try {
    return { readable: true, value: document.toJS({ maxAliasCount: MAX_YAML_ALIASES }) };
  } catch {
    return { readable: false };
  }
}
