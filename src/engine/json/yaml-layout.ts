/**
 * The layout habits of a YAML text, for writing it back after a patch: the yaml package lays out
 * every block collection alike, so unpatched lines keep their place only when it writes with the
 * text's own indentation width, sequence indentation under a key, flow padding and final newline.
 */
import { isMap, isNode, isSeq, visit, type Document, type ToStringOptions } from 'yaml';

function column(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

interface Found {
  indent?: number;
  indentSeq?: boolean;
}

/** The first key whose value is a block map (indentation width) and a block sequence (indented under it or not). */
function blockHabits(document: Document.Parsed, text: string): Found {
  const found: Found = {};
  visit(document, {
    Pair(_, pair) {
      const keyStart = isNode(pair.key) ? pair.key.range?.[0] : undefined;
      const value = pair.value;
      if (keyStart === undefined || (!isMap(value) && !isSeq(value)) || value.flow === true)
        return undefined;
      const start = value.range?.[0];
      if (start === undefined || !text.slice(keyStart, start).includes('\n')) return undefined;
      const offset = column(text, start) - column(text, keyStart);
      if (isMap(value) && found.indent === undefined && offset > 0) found.indent = offset;
      if (isSeq(value) && found.indentSeq === undefined) found.indentSeq = offset > 0;
      return found.indent !== undefined && found.indentSeq !== undefined ? visit.BREAK : undefined;
    },
  });
  return found;
}

/** Options for `document.toString` that keep `text`'s layout where it has one. */
export function yamlLayoutOf(document: Document.Parsed, text: string): ToStringOptions {
  const { indent, indentSeq } = blockHabits(document, text);
  const flow = /[[{]([^\s\]}])?/.exec(text.replace(/#[^\n]*|"(?:[^"\\]|\\.)*"|'[^']*'/g, ''));
  return {
    ...(indent === undefined ? {} : { indent }),
    ...(indentSeq === undefined ? {} : { indentSeq }),
    ...(flow === null ? {} : { flowCollectionPadding: flow[1] === undefined }),
  };
}

/** The written text ending as `original` ends: with a final newline or without. */
export function endingAs(original: string, written: string): string {
  if (original === '' || original.endsWith('\n') || !written.endsWith('\n')) return written;
  return written.slice(0, -1);
}
