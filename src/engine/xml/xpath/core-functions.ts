/** The XPath 1.0 core function library (§4), all 27 functions, for documents without a DTD. */
import { Element, type Node } from '@xmldom/xmldom';
import { XML_NAMESPACE } from '../node-kinds.js';
import {
  localNameOf,
  namespaceOf,
  parentOf,
  qualifiedNameOf,
  stringValueOf,
} from './data-model.js';
import {
  isNodeSet,
  toXPathBoolean,
  toXPathNumber,
  toXPathString,
  stringToNumber,
  type XPathValue,
} from './xpath-value.js';

export interface FunctionContext {
  readonly node: Node;
  readonly position: number;
  readonly size: number;
}

export type ValueType = 'node-set' | 'string' | 'number' | 'boolean';

interface CoreFunction {
  readonly min: number;
  readonly max: number;
  readonly returns: ValueType;
  /** the argument that must be a node-set, if any */
  readonly nodeSetArgument?: boolean;
  readonly call: (args: readonly XPathValue[], context: FunctionContext) => XPathValue;
}

const nodes = (value: XPathValue | undefined): readonly Node[] =>
  value !== undefined && isNodeSet(value) ? value : [];
const text = (args: readonly XPathValue[], index: number, context: FunctionContext): string => {
  const value = args[index];
  return value === undefined ? stringValueOf(context.node) : toXPathString(value);
};
const number = (args: readonly XPathValue[], index: number): number =>
  toXPathNumber(args[index] ?? Number.NaN);
const firstOrContext = (args: readonly XPathValue[], context: FunctionContext): Node | undefined =>
  args.length === 0 ? context.node : nodes(args[0])[0];
const nameFunction = (name: (node: Node) => string): CoreFunction => ({
  min: 0,
  max: 1,
  returns: 'string',
  nodeSetArgument: true,
  call: (args, context) => {
    const node = firstOrContext(args, context);
    return node === undefined ? '' : name(node);
  },
});

/**
 * substring() in code points, with the spec's rounding: characters at p where round(start) ≤ p <
 * round(start) + round(length).
 */
function substring(value: string, start: number, length: number): string {
  const first = Math.round(start);
  const end = first + Math.round(length);
  return Array.from(value)
    .filter((_char, index) => index + 1 >= first && index + 1 < end)
    .join('');
}

function lang(wanted: string, node: Node): boolean {
  for (let current: Node | null = node; current !== null; current = parentOf(current)) {
    const attribute =
      current instanceof Element ? current.getAttributeNS(XML_NAMESPACE, 'lang') : null;
    if (attribute !== null && attribute !== '') {
      const language = attribute.toLowerCase();
      const target = wanted.toLowerCase();
      return language === target || language.startsWith(`${target}-`);
    }
  }
  return false;
}

export const CORE_FUNCTIONS: Readonly<Record<string, CoreFunction>> = {
  // §4.1: id() selects elements by their unique ID, "the value of the attribute that is declared in
  // the DTD as type ID" (§5.2.1); "if a document does not have a DTD, then no element in the
  // document will have a unique ID". Documents with a DOCTYPE are refused (DOCTYPE_REFUSED), so
  // id() selects nothing, whatever its argument.
  id: { min: 1, max: 1, returns: 'node-set', call: () => [] },
  last: { min: 0, max: 0, returns: 'number', call: (_args, context) => context.size },
  position: { min: 0, max: 0, returns: 'number', call: (_args, context) => context.position },
  count: {
    min: 1,
    max: 1,
    returns: 'number',
    nodeSetArgument: true,
    call: (args) => nodes(args[0]).length,
  },
  'local-name': nameFunction(localNameOf),
  'namespace-uri': nameFunction(namespaceOf),
  name: nameFunction(qualifiedNameOf),
  string: { min: 0, max: 1, returns: 'string', call: (args, context) => text(args, 0, context) },
  concat: {
    min: 2,
    max: Infinity,
    returns: 'string',
    call: (args) => args.map(toXPathString).join(''),
  },
  'starts-with': {
    min: 2,
    max: 2,
    returns: 'boolean',
    call: (args, context) => text(args, 0, context).startsWith(text(args, 1, context)),
  },
  contains: {
    min: 2,
    max: 2,
    returns: 'boolean',
    call: (args, context) => text(args, 0, context).includes(text(args, 1, context)),
  },
  'substring-before': {
    min: 2,
    max: 2,
    returns: 'string',
    call: (args, context) => {
      const [whole, part] = [text(args, 0, context), text(args, 1, context)];
      const at = whole.indexOf(part);
      return at < 0 ? '' : whole.slice(0, at);
    },
  },
  'substring-after': {
    min: 2,
    max: 2,
    returns: 'string',
    call: (args, context) => {
      const [whole, part] = [text(args, 0, context), text(args, 1, context)];
      const at = whole.indexOf(part);
      return at < 0 ? '' : whole.slice(at + part.length);
    },
  },
  substring: {
    min: 2,
    max: 3,
    returns: 'string',
    call: (args, context) =>
      substring(
        text(args, 0, context),
        number(args, 1),
        args.length > 2 ? number(args, 2) : Infinity,
      ),
  },
  'string-length': {
    min: 0,
    max: 1,
    returns: 'number',
    call: (args, context) => Array.from(text(args, 0, context)).length,
  },
  'normalize-space': {
    min: 0,
    max: 1,
    returns: 'string',
    call: (args, context) =>
      text(args, 0, context)
        .split(/[ \t\r\n]+/)
        .filter(Boolean)
        .join(' '),
  },
  translate: {
    min: 3,
    max: 3,
    returns: 'string',
    call: (args, context) => {
      const from = Array.from(text(args, 1, context));
      const to = Array.from(text(args, 2, context));
      const mapped = Array.from(text(args, 0, context)).map((char) => {
        const at = from.indexOf(char);
        return at < 0 ? char : (to[at] ?? '');
      });
      return mapped.join('');
    },
  },
  boolean: { min: 1, max: 1, returns: 'boolean', call: (args) => toXPathBoolean(args[0] ?? false) },
  not: { min: 1, max: 1, returns: 'boolean', call: (args) => !toXPathBoolean(args[0] ?? false) },
  true: { min: 0, max: 0, returns: 'boolean', call: () => true },
  false: { min: 0, max: 0, returns: 'boolean', call: () => false },
  lang: {
    min: 1,
    max: 1,
    returns: 'boolean',
    call: (args, context) => lang(text(args, 0, context), context.node),
  },
  number: {
    min: 0,
    max: 1,
    returns: 'number',
    call: (args, context) =>
      args.length === 0 ? stringToNumber(stringValueOf(context.node)) : number(args, 0),
  },
  sum: {
    min: 1,
    max: 1,
    returns: 'number',
    nodeSetArgument: true,
    call: (args) =>
      nodes(args[0]).reduce((total, node) => total + stringToNumber(stringValueOf(node)), 0),
  },
  floor: { min: 1, max: 1, returns: 'number', call: (args) => Math.floor(number(args, 0)) },
  ceiling: { min: 1, max: 1, returns: 'number', call: (args) => Math.ceil(number(args, 0)) },
  round: { min: 1, max: 1, returns: 'number', call: (args) => Math.round(number(args, 0)) },
};
