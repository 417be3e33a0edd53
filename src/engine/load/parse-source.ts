/**
 * Split a source text into its patch documents (YAML `---` documents, or the items of a top-level
 * sequence such as a JSON array), keeping source ranges.
 */
import { isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import { checkUniqueKeys, DEFER_UNIQUE_KEYS } from '../yaml-unique-keys.js';
import { fail, locate, ok, type Outcome, type PatchError } from '../errors.js';
import { MAX_YAML_ALIASES } from '../limits.js';

/** One document as written: its node (for locations), its plain value, where it starts and its size. */
export interface SourceDocument {
  /** 0-based among the non-empty documents of the text; names short-form documents */
  readonly index: number;
  readonly node: Node;
  readonly value: unknown;
  readonly line: number;
  readonly column: number;
  /** UTF-8 size of the document's source text */
  readonly bytes: number;
}

export interface ParsedSource {
  readonly documents: readonly SourceDocument[];
  readonly errors: readonly PatchError[];
  /** 1-based line and column of a source offset */
  readonly position: (offset: number) => { readonly line: number; readonly column: number };
}

const utf8 = new TextEncoder();

/** JSON is YAML 1.2, so one parser serves both and gives every node a range. */
export function parseSource(text: string, source: string): ParsedSource {
  const lineCounter = new LineCounter();
  const position = (offset: number): { line: number; column: number } => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const parsed = parseAllDocuments(text, {
    lineCounter,
    prettyErrors: false,
    ...DEFER_UNIQUE_KEYS,
  });
  const documents: SourceDocument[] = [];
  const errors: PatchError[] = [];
  if (!Array.isArray(parsed)) return { documents, errors, position };
  for (const doc of parsed) {
    checkUniqueKeys(doc);
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        errors.push({
          code: 'YAML_SYNTAX',
          message: error.message.split('\n')[0] ?? error.message,
          location: { source, ...position(error.pos[0]) },
        });
      }
      continue;
    }
    const contents = doc.contents;
    if (contents === null || isEmpty(contents)) continue;
    // A top-level sequence is a list of documents (a JSON array of documents, or the same in YAML).
    const nodes: readonly unknown[] = isSeq(contents) ? contents.items : [contents];
    for (const node of nodes) {
      if (!isNode(node) || isEmpty(node)) continue;
      const [start, , end] = node.range ?? [0, 0, 0];
      const value = plainValue(node, doc);
      if (!value.ok) {
        errors.push(locate(value.problem, { source, ...position(start) }));
        continue;
      }
      documents.push({
        index: documents.length,
        node,
        value: value.value,
        ...position(start),
        bytes: utf8.encode(text.slice(start, end)).length,
      });
    }
  }
  return { documents, errors, position };
}

/**
 * An alias bomb (anchors referring to anchors) makes the yaml package throw rather than expand it;
 * so does nesting deep enough to overflow the stack.
 */
function plainValue(node: Node, doc: Document.Parsed): Outcome<unknown> {
  try {
    return ok(node.toJS(doc, { maxAliasCount: MAX_YAML_ALIASES }));
  } catch (error) {
    const reason =
      error instanceof RangeError
        ? 'the document nests too deeply'
        : `more than ${MAX_YAML_ALIASES} alias expansions`;
    return fail('LIMIT_EXCEEDED', `${reason}; patch documents are refused past this bound`);
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value && 'toJS' in value;
}

/** `---` with nothing after it, or a document holding only comments. */
function isEmpty(node: Node): boolean {
  return isScalar(node) && node.value === null;
}
