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

/** YAML's string tag, but a written string with a hazard is double-quoted and escaped. */
export const yaml11StringTag: ScalarTag = {
  ...stringTag,
  stringify(item, ctx, onComment, onChompKeep) {
    if (written.has(item) && typeof item.value === 'string' && hasYaml11Hazard(item.value))
      return yaml11DoubleQuoted(item.value);
    return stringTag.stringify?.(item, ctx, onComment, onChompKeep) ?? String(item.value);
  },
};
