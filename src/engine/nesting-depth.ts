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

/**
 * About how many values JSON text holds, from above: one per `{`, `[` and `,` outside strings,
 * plus one (`[{},{}]` counts 4 for 3). Counted before JSON.parse, which would build them all.
 */
export function jsonValuesAbout(text: string): number {
  let values = 1;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b || c === 0x2c) values += 1;
  }
  return values;
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

/** Where the line starting at `start` ends (its `\n`, or the text's end). */
function lineEnd(text: string, start: number): number {
  const end = text.indexOf('\n', start);
  return end < 0 ? text.length : end;
}

/** Block indicators written one after another on a line (`- - - x`, `? - x`): each opens a level. */
function compactIndicators(text: string, from: number, end: number): number {
  let count = 0;
  let i = from;
  while (i < end) {
    const c = text[i];
    const next = i + 1 < end ? text[i + 1] : ' ';
    if ((c !== '-' && c !== '?' && c !== ':') || (next !== ' ' && next !== '\t')) break;
    count += 1;
    i += 2;
    while (i < end && (text[i] === ' ' || text[i] === '\t')) i += 1;
  }
  return count;
}

/**
 * Whether YAML block collections may nest deeper than `max`: the levels of indentation open at
 * a line plus the indicators written compactly on it (`- - - - x` nests one level per two
 * characters, so 60 KB on one line made the yaml package recurse 30,000 deep). Indented lines
 * of a block scalar count as levels too, which only errs on the safe side.
 */
export function yamlBlockDeeperThan(text: string, max: number): boolean {
  const indents: number[] = [];
  for (let start = 0; start < text.length; start = lineEnd(text, start) + 1) {
    const end = lineEnd(text, start);
    let i = start;
    while (i < end && text[i] === ' ') i += 1;
    if (i === end || text[i] === '#' || text[i] === '\r') continue;
    const indent = i - start;
    while (indents.length > 0 && (indents[indents.length - 1] ?? 0) >= indent) indents.pop();
    indents.push(indent);
    if (indents.length + compactIndicators(text, i, end) > max) return true;
  }
  return false;
}
