/** UserData (`#cloud-config`) and NetworkData strings read as YAML (or JSON) data for patching, and written back. */
import { isRecord } from '../is-record.js';
import {
  parseDocument,
  type Document,
  type DocumentOptions,
  type ParseOptions,
  type SchemaOptions,
  type ToStringOptions,
} from 'yaml';
import { fail, ok, type Outcome } from '../errors.js';
import { MAX_YAML_ALIASES, type Limits } from '../limits.js';
import { yamlBlockDeeperThan, yamlFlowDeeperThan } from '../nesting-depth.js';
import { checkUniqueKeys, DEFER_UNIQUE_KEYS } from '../yaml-unique-keys.js';
import { reconcileDocument } from './reconcile-yaml.js';
import { spliceYaml } from './splice-yaml.js';
import { endingAs, yamlLayoutOf } from './yaml-layout.js';
import { asJsonData } from './yaml-json-data.js';
import { yaml11MergeTag, yaml11SafeJson, yaml11StringTag } from './yaml11-scalars.js';

export type EmbeddedField = 'userData' | 'networkData';

export interface EmbeddedData {
  /** the comment and blank lines before the data, written back verbatim */
  readonly header: string;
  readonly format:
    | {
        readonly kind: 'yaml';
        readonly document: Document;
        /** the text's own layout habits, and the text after the header */
        readonly layout: ToStringOptions;
        readonly body: string;
      }
    | { readonly kind: 'json'; readonly indent: number };
  /** the data as plain JSON, what the operations patch */
  readonly value: unknown;
}

/**
 * cloud-init reads user data and network config with PyYAML, i.e. YAML 1.1: `yes` is true and
 * `0644` is octal there. Timestamps are left as strings: JSON has no dates, and an untouched
 * scalar is written back from its source text anyway. Strings are written so that YAML 1.1 reads
 * them as they are (yaml11-scalars.ts).
 */
export const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  prettyErrors: false,
  customTags: (tags) =>
    tags
      .filter((tag) =>
        typeof tag === 'string' ? tag !== 'timestamp' : tag.tag !== 'tag:yaml.org,2002:timestamp',
      )
      .map((tag) => {
        if (typeof tag === 'string' || tag.collection !== undefined) return tag;
        if (tag.tag === yaml11StringTag.tag) return yaml11StringTag;
        return tag.tag === 'tag:yaml.org,2002:merge' ? yaml11MergeTag(tag) : tag;
      }),
};

const CLOUD_CONFIG = '#cloud-config';

/** Leading lines that are blank or comments: `#cloud-config`, `## template: jinja`, notes. */
function splitHeader(text: string): { readonly header: string; readonly body: string } {
  const match = /^(?:[ \t\r]*(?:#[^\n]*)?(?:\n|$))*/.exec(text);
  const header = match?.[0] ?? '';
  return { header, body: text.slice(header.length) };
}

/**
 * Reads the string behind `field`. User data must be cloud-config, i.e. start with the line
 * `#cloud-config` (cloud-init's own test; `#cloud-config-archive`, `#!` scripts, `#include`,
 * MIME `Content-Type:` and jinja templates are other formats). Empty (or blank) user data reads
 * as an empty cloud-config mapping and gets a `#cloud-config` line when written. Network data
 * is YAML (v1/v2) or JSON (config drive `network_data.json`); empty reads as an empty mapping.
 * Both hold a mapping at the top.
 * Errors: NOT_CLOUD_CONFIG; LIMIT_EXCEEDED when the text is longer or nests deeper than `limits`
 * allow (the YAML tree and the walks over it cost heap and stack per character and level).
 */
export function readEmbedded(
  field: EmbeddedField,
  text: string,
  limits: Pick<Limits, 'maxDataLength' | 'maxDepth'>,
): Outcome<EmbeddedData> {
  if (text.length > limits.maxDataLength)
    return fail(
      'LIMIT_EXCEEDED',
      `${field} is ${text.length} characters, more than the ${limits.maxDataLength} that are read to be patched`,
    );
  if (yamlFlowDeeperThan(text, limits.maxDepth) || yamlBlockDeeperThan(text, limits.maxDepth))
    return fail('LIMIT_EXCEEDED', `${field} nests more than ${limits.maxDepth} deep`);
  const blank = text.trim() === '';
  if (
    field === 'userData' &&
    !blank &&
    (/^[^\n]*/.exec(text)?.[0] ?? '').trimEnd() !== CLOUD_CONFIG
  ) {
    return fail(
      'NOT_CLOUD_CONFIG',
      `user data is not #cloud-config (it starts with ${JSON.stringify(text.slice(0, 20))})`,
    );
  }
  if (field === 'networkData' && !blank && /^\s*[{[]/.test(text)) {
    const json = readJson(text);
    if (json !== undefined)
      return ok({
        header: '',
        format: { kind: 'json', indent: text.trim().includes('\n') ? 2 : 0 },
        value: json,
      });
  }
  const { header, body } = blank
    ? { header: field === 'userData' ? `${CLOUD_CONFIG}\n` : '', body: '' }
    : splitHeader(text);
  const document = parseDocument(body, { ...YAML_OPTIONS, ...DEFER_UNIQUE_KEYS });
  checkUniqueKeys(document);
  const [error] = document.errors;
  if (error !== undefined)
    return fail('NOT_CLOUD_CONFIG', `${field} is not YAML data: ${error.message}`);
  const value = plainData(document);
  if (!value.ok)
    return fail(
      value.problem.code === 'LIMIT_EXCEEDED' ? 'LIMIT_EXCEEDED' : 'NOT_CLOUD_CONFIG',
      `${field}: ${value.problem.message}`,
    );
  const data = value.value ?? {};
  if (!isRecord(data)) return fail('NOT_CLOUD_CONFIG', `${field} is not a YAML mapping`);
  return ok({
    header: header === '' || header.endsWith('\n') ? header : `${header}\n`,
    format: { kind: 'yaml', document, layout: yamlLayoutOf(document, body), body },
    value: data,
  });
}

/** The text for `value`, patched from `data`: header kept, the lines of unchanged data kept. */
export function writeEmbedded(data: EmbeddedData, value: unknown): string {
  if (data.format.kind === 'json')
    return (
      yaml11SafeJson(JSON.stringify(value, null, data.format.indent)) +
      (data.format.indent > 0 ? '\n' : '')
    );
  const { document, layout, body } = data.format;
  reconcileDocument(document, document.contents === null ? null : data.value, value);
  const render = (): string => document.toString({ lineWidth: 0, ...layout });
  // the text as written, for its positions: unpatched lines are copied from it
  const original = parseDocument(body, YAML_OPTIONS);
  const spliced = spliceYaml(
    body,
    original,
    document,
    { before: data.value, after: value },
    render,
  );
  return data.header + (spliced ?? endingAs(body, render()));
}

function readJson(text: string): unknown {
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The yaml package throws a ReferenceError on an alias bomb (more than MAX_YAML_ALIASES expansions)
 * instead of expanding it, and an Error for data YAML 1.1 cannot build, e.g. a merge key (`<<`)
 * whose value is not a mapping, which cloud-init's reader refuses too.
 */
function plainData(document: Document.Parsed): Outcome<unknown> {
  try {
    return asJsonData(document.toJS({ maxAliasCount: MAX_YAML_ALIASES }));
  } catch (error) {
    if (error instanceof ReferenceError)
      return fail('LIMIT_EXCEEDED', `more than ${MAX_YAML_ALIASES} YAML alias expansions`);
    return fail('NOT_CLOUD_CONFIG', error instanceof Error ? error.message : String(error));
  }
}
