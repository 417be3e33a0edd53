/** Linear pre-scans for the nesting depth of XML and JSON texts, run before any recursive parser or DOM walk sees them. */

/** Index just past `end` searched from `from`, or the text's length when it is missing (the parser reports that). */
function past(text: string, end: string, from: number): number {
  const found = text.indexOf(end, from);
  return found < 0 ? text.length : found + end.length;
}

/** The end of a start tag at `from`: the `>` outside quoted attribute values, and whether it closes itself (`/>`). */
function startTagEnd(
  text: string,
  from: number,
): { readonly next: number; readonly empty: boolean } {
  let quote = '';
  for (let i = from; i < text.length; i += 1) {
    const c = text[i];
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return { next: i + 1, empty: text[i - 1] === '/' };
    }
  }
  return { next: text.length, empty: true };
}

/**
 * Whether element nesting in XML text goes deeper than `max`. Exact for well-formed text
 * (comments, CDATA sections, processing instructions and quoted `>` are skipped); for text that
 * is not well-formed it only has to be cheap, as the parser reports the real problem.
 */
export function xmlDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let i = text.indexOf('<');
  while (i >= 0 && i < text.length) {
    if (text.startsWith('<!--', i)) i = past(text, '-->', i + 4);
    else if (text.startsWith('<![CDATA[', i)) i = past(text, ']]>', i + 9);
    else if (text.startsWith('<?', i) || text.startsWith('<!', i)) i = past(text, '>', i + 2);
    else if (text.startsWith('</', i)) {
      depth -= 1;
      i = past(text, '>', i + 2);
    } else {
      const tag = startTagEnd(text, i + 1);
      if (!tag.empty && (depth += 1) > max) return true;
      i = tag.next;
    }
    i = text.indexOf('<', i);
  }
  return false;
}

/** Whether arrays and objects in JSON text nest deeper than `max` (brackets inside strings do not count). */
export function jsonDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      if ((depth += 1) > max) return true;
    } else if (c === ']' || c === '}') depth -= 1;
  }
  return false;
}

/**
 * Whether YAML flow collections (`[`, `{`) nest deeper than `max`. Block nesting needs a line of
 * indentation per level, so the source length limit bounds it; flow nesting costs one character a
 * level and makes the yaml package build (and recurse over) a node per level. Brackets in scalars
 * such as XPath predicates come in pairs, so counting them all only errs on the safe side.
 */
export function yamlFlowDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if ((depth += 1) > max) return true;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth -= 1;
  }
  return false;
}
