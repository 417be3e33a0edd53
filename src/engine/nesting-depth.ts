/**
 * Linear pre-scans for the nesting depth of XML and JSON texts, run before any recursive parser or
 * DOM walk sees them. They run on every call, so they step from token to token with regular
 * expressions (scanned natively) rather than character by character in JavaScript, which a cold
 * process interprets: that was several milliseconds of a sidecar's first call.
 */

/** Index just past `end` searched from `from`, or the text's length when it is missing (the parser reports that). */
function past(text: string, end: string, from: number): number {
  const found = text.indexOf(end, from);
  return found < 0 ? text.length : found + end.length;
}

/**
 * The rest of a start tag: anything but quotes and `>`, quoted attribute values whole (they may
 * hold `>`), up to the `>` that ends it. Unrolled, so it matches in linear time or fails.
 */
const START_TAG_REST = /[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>/y;

/** The end of a start tag at `from`: the `>` outside quoted attribute values, and whether it closes itself (`/>`). */
function startTagEnd(
  text: string,
  from: number,
): { readonly next: number; readonly empty: boolean } {
  START_TAG_REST.lastIndex = from;
  if (!START_TAG_REST.test(text)) return { next: text.length, empty: true };
  const next = START_TAG_REST.lastIndex;
  return { next, empty: text[next - 2] === '/' };
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
 * A JSON string whole (escapes included; one left open runs to the end of the text), or a
 * bracket or comma. The string's alternatives start with different characters, so it cannot
 * backtrack.
 */
const JSON_TOKEN = /"(?:[^"\\]+|\\[\s\S])*(?:"|\\?$)|[[\]{},]/g;

/**
 * About how many values JSON text holds, from above: one per `{`, `[` and `,` outside strings,
 * plus one (`[{},{}]` counts 4 for 3). Counted before JSON.parse, which would build them all.
 */
export function jsonValuesAbout(text: string): number {
  let values = 1;
  for (const [token] of text.matchAll(JSON_TOKEN))
    if (token === '{' || token === '[' || token === ',') values += 1;
  return values;
}

/** Whether arrays and objects in JSON text nest deeper than `max` (brackets inside strings do not count). */
export function jsonDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  for (const [token] of text.matchAll(JSON_TOKEN)) {
    if (token === '[' || token === '{') {
      if ((depth += 1) > max) return true;
    } else if (token === ']' || token === '}') depth -= 1;
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
  for (const [bracket] of text.matchAll(/[[\]{}]/g)) {
    if (bracket === '[' || bracket === '{') {
      if ((depth += 1) > max) return true;
    } else if (depth > 0) depth -= 1;
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
