/** The part of the `xpath` package's runtime API that its bundled typings leave out: `parse` and the value classes, used by the fallback evaluator. */
import type { Node } from '@xmldom/xmldom';

declare module 'xpath' {
  export interface XPathEvaluateOptions {
    readonly node: Node;
    readonly namespaces?: Readonly<Record<string, string>>;
  }
  export class XNodeSet {
    toArray(): Node[];
  }
  export class XString {
    stringValue(): string;
  }
  export class XNumber {
    numberValue(): number;
  }
  export class XBoolean {
    booleanValue(): boolean;
  }
  export interface ParsedXPath {
    evaluate(options: XPathEvaluateOptions): XNodeSet | XString | XNumber | XBoolean;
  }
  export function parse(source: string): ParsedXPath;
}
