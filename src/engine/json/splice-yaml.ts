/**
 * Write patched YAML by editing the original text: an unchanged pair or item keeps its lines
 * byte for byte (layout, comments, quoting); a changed one is written again from the patched
 * document's node, at its own column; a removed one loses its lines; a new one is inserted after
 * its predecessor. Where the text's shape does not allow an edit (flow collections, keys that do
 * not start a line), the smallest enclosing pair or item is written again; `undefined` when even
 * the top level cannot be edited (the caller then writes the whole document).
 */
import { isRecord } from '../is-record.js';
import {
  isMap,
  isNode,
  isScalar,
  isSeq,
  YAMLMap,
  YAMLSeq,
  type Document,
  type Node,
  type Pair,
} from 'yaml';
import { jsonEqual, ownMember } from './json-value.js';

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

interface Splice {
  readonly text: string;
  readonly patched: Document;
  readonly render: () => string;
  readonly edits: Edit[];
}

const lineStart = (text: string, offset: number): number => text.lastIndexOf('\n', offset - 1) + 1;

function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}

/** Where a node's lines end: after the line of its last character (an inline comment included). */
function regionEnd(splice: Splice, node: Node | null, fallback: number): number {
  const range = node?.range;
  return range === undefined || range === null
    ? lineEnd(splice.text, fallback)
    : lineEnd(splice.text, Math.max(range[1] - 1, range[0]));
}

/** `node` written alone, as the patched document writes it, each line after the first at `column`. */
function written(splice: Splice, node: YAMLMap | YAMLSeq, column: number): string {
  const { patched } = splice;
  const contents = patched.contents;
  patched.contents = node;
  try {
    return splice.render().replace(/\n(?=.)/g, `\n${' '.repeat(column)}`);
  } finally {
    patched.contents = contents;
  }
}

function alone(pair: Pair): YAMLMap {
  const map = new YAMLMap();
  map.items = [pair];
  return map;
}

const isBlock = (node: unknown): node is YAMLMap | YAMLSeq =>
  (isMap(node) || isSeq(node)) && node.flow !== true;
const onlySpaces = (text: string): boolean => /^[ \t]*$/.test(text);

/** A pair's key offset when it is a string scalar key; undefined otherwise. */
function keyOffset(pair: Pair): number | undefined {
  return isScalar(pair.key) && typeof pair.key.value === 'string'
    ? (pair.key.range?.[0] ?? undefined)
    : undefined;
}

function keyName(pair: Pair): string | undefined {
  return isScalar(pair.key) && typeof pair.key.value === 'string' ? pair.key.value : undefined;
}

/** Edits turning block map `original` (holding `before`) into `after`, nodes from `now`; false when it cannot. */
function spliceMap(
  splice: Splice,
  original: YAMLMap,
  now: YAMLMap,
  before: unknown,
  after: unknown,
): boolean {
  if (
    !isRecord(before) ||
    !isRecord(after) ||
    original.items.length === 0 ||
    Object.keys(after).length === 0
  )
    return false;
  const { text, edits } = splice;
  const offsets = original.items.map(keyOffset);
  const first = offsets[0];
  if (first === undefined || offsets.some((offset) => offset === undefined)) return false;
  const column = first - lineStart(text, first);
  const pairOf = (key: string): Pair | undefined => now.items.find((pair) => keyName(pair) === key);
  let end = first;
  for (const [index, pair] of original.items.entries()) {
    const start = offsets[index] ?? 0;
    const key = keyName(pair) ?? '';
    const stop = regionEnd(splice, isNode(pair.value) ? pair.value : null, start);
    end = stop;
    const next = ownMember(after, key);
    const previous = ownMember(before, key);
    if (!next.found) {
      // a key that does not start its line (a compact `- key:`) cannot lose its lines alone
      if (!onlySpaces(text.slice(lineStart(text, start), start))) return false;
      edits.push({ start: lineStart(text, start), end: stop, text: '' });
      continue;
    }
    const was = previous.found ? previous.value : undefined;
    if (previous.found && jsonEqual(was, next.value)) continue;
    const replacement = pairOf(key);
    if (replacement === undefined) return false;
    if (
      isBlock(pair.value) &&
      isBlock(replacement.value) &&
      spliceNode(splice, pair.value, replacement.value, was, next.value)
    )
      continue;
    edits.push({ start, end: stop, text: written(splice, alone(replacement), column) });
  }
  const added = now.items.filter((pair) => !ownMember(before, keyName(pair) ?? '').found);
  if (added.length > 0) {
    const map = new YAMLMap();
    map.items = added;
    edits.push({ start: end, end, text: ' '.repeat(column) + written(splice, map, column) });
  }
  return true;
}

/** The offset of the `-` that introduces a sequence item starting at `offset`. */
function markerOffset(text: string, offset: number): number | undefined {
  const before = text.slice(0, offset);
  const match = /-[ \t\n]*$/.exec(before);
  return match === null ? undefined : match.index;
}

type ItemStep =
  | { readonly kind: 'kept' | 'changed'; readonly at: number; readonly index: number }
  | { readonly kind: 'new'; readonly index: number };

/** reconcile-yaml's matching of old items to new: equal kept, changed in place, or new; and the old ones dropped. */
function matchItems(
  before: readonly unknown[],
  after: readonly unknown[],
): { steps: ItemStep[]; removed: number[] } {
  const steps: ItemStep[] = [];
  const removed: number[] = [];
  let next = 0;
  for (const [index, element] of after.entries()) {
    const found = before.findIndex((old, i) => i >= next && jsonEqual(old, element));
    const old: unknown = before[next];
    const inPlace =
      found === -1 &&
      next < before.length &&
      !after.some((later, i) => i > index && jsonEqual(later, old));
    if (found === -1 && !inPlace) {
      steps.push({ kind: 'new', index });
      continue;
    }
    const at = found === -1 ? next : found;
    for (let dropped = next; dropped < at; dropped += 1) removed.push(dropped);
    steps.push({ kind: found === -1 ? 'changed' : 'kept', at, index });
    next = at + 1;
  }
  for (let dropped = next; dropped < before.length; dropped += 1) removed.push(dropped);
  return { steps, removed };
}

/** Edits for a block sequence whose items' `-` each start a line. */
function spliceSeq(
  splice: Splice,
  original: YAMLSeq,
  now: YAMLSeq,
  before: unknown,
  after: unknown,
): boolean {
  if (!Array.isArray(before) || !Array.isArray(after) || after.length === 0) return false;
  const { text, edits } = splice;
  const markers = original.items.map((item) =>
    isNode(item) && item.range ? markerOffset(text, item.range[0]) : undefined,
  );
  const first = markers[0];
  const starting = (marker: number | undefined): marker is number =>
    marker !== undefined && onlySpaces(text.slice(lineStart(text, marker), marker));
  if (!starting(first) || !markers.every(starting)) return false;
  const column = first - lineStart(text, first);
  const region = (at: number): [number, number] => {
    const marker = markers[at] ?? first;
    const item = original.items[at];
    return [lineStart(text, marker), regionEnd(splice, isNode(item) ? item : null, marker)];
  };
  const { steps, removed } = matchItems(before, after);
  for (const at of removed) edits.push({ start: region(at)[0], end: region(at)[1], text: '' });
  let insertAt = lineStart(text, first);
  const pending: unknown[] = [];
  const flush = (): void => {
    if (pending.length > 0)
      edits.push({
        start: insertAt,
        end: insertAt,
        text: ' '.repeat(column) + written(splice, aloneItems(pending.splice(0)), column),
      });
  };
  for (const step of steps) {
    if (step.kind === 'new') {
      pending.push(now.items[step.index]);
      continue;
    }
    flush();
    const [start, end] = region(step.at);
    const item = original.items[step.at];
    const replacement = now.items[step.index];
    const nested =
      isBlock(item) &&
      isBlock(replacement) &&
      spliceNode(splice, item, replacement, before[step.at], after[step.index]);
    if (step.kind === 'changed' && !nested)
      edits.push({
        start: markers[step.at] ?? start,
        end,
        text: written(splice, aloneItems([replacement]), column),
      });
    insertAt = end;
  }
  flush();
  return true;
}

function aloneItems(items: readonly unknown[]): YAMLSeq {
  const seq = new YAMLSeq();
  seq.items = [...items];
  return seq;
}

function spliceNode(
  splice: Splice,
  original: YAMLMap | YAMLSeq,
  now: YAMLMap | YAMLSeq,
  before: unknown,
  after: unknown,
): boolean {
  const mark = splice.edits.length;
  const done =
    isMap(original) && isMap(now)
      ? spliceMap(splice, original, now, before, after)
      : isSeq(original) && isSeq(now) && spliceSeq(splice, original, now, before, after);
  if (!done) splice.edits.length = mark;
  return done;
}

/**
 * The patched text, edited from `text` (what `original` was parsed from), or undefined. `patched`
 * holds the new data's nodes (reconcile-yaml.ts); `render` writes `patched` as the caller would.
 */
export function spliceYaml(
  text: string,
  original: Document.Parsed,
  patched: Document,
  values: { readonly before: unknown; readonly after: unknown },
  render: () => string,
): string | undefined {
  // edits work on whole lines: a text without its final newline gets one, taken off again after
  const whole = text.endsWith('\n') || text === '' ? text : `${text}\n`;
  const splice: Splice = { text: whole, patched, render, edits: [] };
  const [from, to] = [original.contents, patched.contents];
  if (!isBlock(from) || !isBlock(to) || !spliceNode(splice, from, to, values.before, values.after))
    return undefined;
  // in document order; edits at one place stay in the order they were made
  const edits = splice.edits
    .map((edit, index) => ({ ...edit, index }))
    .sort((a, b) => a.start - b.start || a.index - b.index);
  let result = '';
  let cursor = 0;
  for (const edit of edits) {
    result += whole.slice(cursor, Math.max(cursor, edit.start)) + edit.text;
    cursor = Math.max(cursor, edit.end);
  }
  result += whole.slice(cursor);
  return whole === text ? result : result.replace(/\n$/, '');
}
