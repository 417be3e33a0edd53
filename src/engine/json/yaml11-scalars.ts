/**
 * Strings hookpatch writes into user and network data mean the same to a YAML 1.1 reader. cloud-init
 * reads them with PyYAML, for which U+0085, U+2028 and U+2029 are line breaks (YAML 1.2 and the
 * `yaml` package treat them as text) and whose reader refuses the whole stream at a character
 * outside YAML 1.1's printable set. A written string holding any of these is written double-quoted
 * with each such character escaped, so both readers get the same string.
 */
import { isMap, isPair, isScalar, isSeq, type Scalar, type ScalarTag } from 'yaml';
import { stringTag } from 'yaml/util';

/**
 * YAML 1.1 §5.4 line breaks besides CR and LF, and what is outside §5.1's printable set
 * (`[#x9#xA#xD#x20-#x7E#x85#xA0-#xD7FF#xE000-#xFFFD#x10000-#x10FFFF]`).
 */
const YAML11_HAZARD =
  /[\u0085\u2028\u2029]|[^\t\n\r\u0020-\u007e\u0085\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/**
 * Plain scalars that YAML 1.1's types resolve to something a safe reader cannot take as data: `<<`
 * (merge: PyYAML merges the value's keys in, or refuses a non-mapping) and `=` (value: PyYAML has no
 * constructor for it). The `yaml` package writes both plain, so a written string that is one of them
 * is quoted.
 */
const YAML11_SPECIAL_PLAIN: ReadonlySet<string> = new Set(['<<', '=']);

/**
 * YAML 1.1's timestamp (https://yaml.org/type/timestamp.html), which PyYAML reads as a date: the
 * parser here keeps timestamps as strings (JSON has no dates), so the `yaml` package would write
 * such a string plain.
 */
const YAML11_TIMESTAMP =
  /^(?:\d{4}-\d\d-\d\d|\d{4}-\d\d?-\d\d?(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d\d?(?::\d\d)?))?)$/;

/** A string a YAML 1.1 reader would not read back as that string if it were written plain. */
function needsQuotes(value: string): boolean {
  return hasYaml11Hazard(value) || YAML11_SPECIAL_PLAIN.has(value) || YAML11_TIMESTAMP.test(value);
}

/** YAML 1.1 §5.7's escapes for the line breaks; `\uXXXX` for the rest. */
const NAMED_ESCAPES: Readonly<Record<string, string>> = {
  '\u0085': '\\N',
  '\u2028': '\\L',
  '\u2029': '\\P',
};

function escaped(character: string): string {
  const named = NAMED_ESCAPES[character];
  if (named !== undefined) return named;
  return [...character]
    .map((unit) => `\\u${(unit.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`)
    .join('');
}

export function hasYaml11Hazard(text: string): boolean {
  YAML11_HAZARD.lastIndex = 0;
  return YAML11_HAZARD.test(text);
}

/**
 * A double-quoted scalar for `value`: JSON's escapes are YAML's too; the hazards are escaped on top.
 * Lone surrogates, which JSON.stringify writes as `\udXXX`, are already escapes by then.
 */
export function yaml11DoubleQuoted(value: string): string {
  return JSON.stringify(value).replace(YAML11_HAZARD, escaped);
}

/** JSON text (network data in JSON form, which NoCloud reads as YAML) with every hazard escaped as `\uXXXX`. */
export function yaml11SafeJson(json: string): string {
  return json.replace(YAML11_HAZARD, (character) =>
    [...character]
      .map((unit) => `\\u${(unit.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`)
      .join(''),
  );
}

/** The scalars hookpatch wrote (created or changed); parsed ones keep the form they were read in. */
const written = new WeakSet<Scalar>();

/** Marks every scalar of a node hookpatch writes: keys, values, items. */
export function markWritten(node: unknown): void {
  if (isScalar(node)) written.add(node);
  else if (isPair(node)) {
    markWritten(node.key);
    markWritten(node.value);
  } else if (isMap(node) || isSeq(node)) for (const item of node.items) markWritten(item);
}

/** YAML's string tag, but a written string YAML 1.1 would read otherwise is double-quoted. */
export const yaml11StringTag: ScalarTag = {
  ...stringTag,
  stringify(item, ctx, onComment, onChompKeep) {
    const value = item.value;
    if (written.has(item) && typeof value === 'string' && needsQuotes(value))
      return yaml11DoubleQuoted(value);
    return stringTag.stringify?.(item, ctx, onComment, onChompKeep) ?? String(item.value);
  },
};

/**
 * YAML 1.1's merge tag, which the `yaml` package also picks for writing any string `<<`: a `<<`
 * hookpatch wrote is data, so it is quoted; a merge key read from the input is written as it was.
 */
export function yaml11MergeTag(merge: ScalarTag): ScalarTag {
  return {
    ...merge,
    stringify(item, ctx, onComment, onChompKeep) {
      if (written.has(item) && typeof item.value === 'string')
        return yaml11DoubleQuoted(item.value);
      return merge.stringify?.(item, ctx, onComment, onChompKeep) ?? '<<';
    },
  };
}
