/**
 * Long comments set aside while xmldom parses a domain. xmldom reads a comment with its grammar's
 * regular expression, whose backtracking stack grows by ≈ 8 bytes a character outside V8's heap
 * (a 4 MB comment: ≈ 32 MB more at the parse's peak, in a 64M sidecar), so each well-formed
 * comment of `LONG_COMMENT` characters or more is parsed as `<!---->` and its text is put back
 * into that node (docs/serving.md#bounded-work). A comment that is not well-formed stays for
 * xmldom to report.
 */
import type { Document, Node } from '@xmldom/xmldom';
import { startTag } from './dom-size.js';
import { isComment } from './node-kinds.js';
import { firstNonXmlCharacter } from './xml-characters.js';

export const LONG_COMMENT = 65_536;

/** A comment whose content was taken out of the text. */
interface AsideComment {
  /** its place among all the text's comments, which is document order */
  readonly ordinal: number;
  readonly content: string;
}

export interface CommentsAside {
  /** the text with each long comment's content taken out */
  readonly text: string;
  readonly aside: readonly AsideComment[];
}

/**
 * XML 1.0 §2.5: no `--` inside and no `-` at the end, only XML characters; a `&#` is left to
 * the whole text's check of references (parse-xml.ts), which reads comments too.
 */
function wellFormed(content: string): boolean {
  return (
    !content.includes('--') &&
    !content.endsWith('-') &&
    !content.includes('&#') &&
    firstNonXmlCharacter(content) < 0
  );
}

/** The offset past the markup that is not a comment at `i` (a `<`), or -1 where it does not end. */
function pastMarkup(text: string, i: number): number {
  const past = (end: string, from: number): number => {
    const at = text.indexOf(end, from);
    return at < 0 ? -1 : at + end.length;
  };
  if (text.startsWith('<![CDATA[', i)) return past(']]>', i + 9);
  if (text.startsWith('<?', i)) return past('?>', i + 2);
  if (text.startsWith('<!', i) || text.startsWith('</', i)) return past('>', i + 2);
  return startTag(text, i + 1).next;
}

/**
 * Whether a `<!--` … `-->` span is long, with `indexOf` alone (a call's domain seldom holds a
 * comment): a long comment is such a span, or lies inside a longer one that starts before it.
 */
function mayHoldLongComment(text: string, longComment: number): boolean {
  for (let i = text.indexOf('<!--'); i >= 0;) {
    const end = text.indexOf('-->', i + 4);
    if (end < 0) return false;
    if (end - i - 4 >= longComment) return true;
    i = text.indexOf('<!--', end + 3);
  }
  return false;
}

/** The text xmldom is given, and what was taken out of it; nothing when no comment is long. */
export function setLongCommentsAside(text: string, longComment = LONG_COMMENT): CommentsAside {
  if (!mayHoldLongComment(text, longComment)) return { text, aside: [] };
  const aside: AsideComment[] = [];
  const kept: string[] = [];
  let from = 0;
  let ordinal = 0;
  for (let i = text.indexOf('<'); i >= 0; i = text.indexOf('<', i)) {
    if (!text.startsWith('<!--', i)) {
      i = pastMarkup(text, i);
      if (i < 0) break;
      continue;
    }
    const end = text.indexOf('-->', i + 4);
    if (end < 0) break;
    const content = text.slice(i + 4, end);
    if (content.length >= longComment && wellFormed(content)) {
      kept.push(text.slice(from, i + 4));
      aside.push({ ordinal, content });
      from = end;
    }
    ordinal += 1;
    i = end + 3;
  }
  if (aside.length === 0) return { text, aside };
  kept.push(text.slice(from));
  return { text: kept.join(''), aside };
}

/** Each comment set aside back in its node, its line ends as xmldom's parse gives them. */
export function putCommentsBack(document: Document, comments: CommentsAside): Document {
  if (comments.aside.length === 0) return document;
  const byOrdinal = new Map(comments.aside.map((comment) => [comment.ordinal, comment.content]));
  let ordinal = 0;
  const pending: Node[] = [document];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (isComment(node)) {
      const content = byOrdinal.get(ordinal);
      if (content !== undefined) node.appendData(content.replace(/\r\n?/g, '\n'));
      ordinal += 1;
    }
    for (let child = node.lastChild; child !== null; child = child.previousSibling)
      pending.push(child);
  }
  return document;
}
