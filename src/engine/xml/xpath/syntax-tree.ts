/**
 * The parsed form of an XPath 1.0 expression (https://www.w3.org/TR/1999/REC-xpath-19991116/), with
 * prefixes already resolved to namespace URIs.
 */

export type Axis =
  | 'ancestor'
  | 'ancestor-or-self'
  | 'attribute'
  | 'child'
  | 'descendant'
  | 'descendant-or-self'
  | 'following'
  | 'following-sibling'
  | 'namespace'
  | 'parent'
  | 'preceding'
  | 'preceding-sibling'
  | 'self';

export const AXES: readonly Axis[] = [
  'ancestor',
  'ancestor-or-self',
  'attribute',
  'child',
  'descendant',
  'descendant-or-self',
  'following',
  'following-sibling',
  'namespace',
  'parent',
  'preceding',
  'preceding-sibling',
  'self',
];

/** `prefix` is kept for messages; `namespaceURI` null = no namespace (an unprefixed name, as XPath 1.0 says). */
export type NodeTest =
  | {
      readonly kind: 'name';
      readonly prefix: string | undefined;
      readonly namespaceURI: string | null;
      readonly localName: string;
    }
  | { readonly kind: 'any-name' }
  | { readonly kind: 'namespace-name'; readonly prefix: string; readonly namespaceURI: string }
  | { readonly kind: 'node' }
  | { readonly kind: 'text' }
  | { readonly kind: 'comment' }
  | { readonly kind: 'processing-instruction'; readonly target: string | undefined };

export interface Step {
  readonly axis: Axis;
  readonly test: NodeTest;
  readonly predicates: readonly Expression[];
  /** set by optimizePaths when no predicate depends on the context position or size */
  readonly positionFree?: boolean;
}

export type ComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';
export type ArithmeticOperator = '+' | '-' | '*' | 'div' | 'mod';

export type Expression =
  | { readonly kind: 'or' | 'and'; readonly left: Expression; readonly right: Expression }
  | {
      readonly kind: 'compare';
      readonly operator: ComparisonOperator;
      readonly left: Expression;
      readonly right: Expression;
    }
  | {
      readonly kind: 'arithmetic';
      readonly operator: ArithmeticOperator;
      readonly left: Expression;
      readonly right: Expression;
    }
  | { readonly kind: 'negate'; readonly operand: Expression }
  | { readonly kind: 'union'; readonly left: Expression; readonly right: Expression }
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'variable'; readonly name: string }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Expression[] }
  /** a location path: `absolute` starts at the root of the context node's document */
  | { readonly kind: 'path'; readonly absolute: boolean; readonly steps: readonly Step[] }
  /** FilterExpr (`(…)[1]`, `f()`) with its predicates, optionally followed by `/steps` */
  | {
      readonly kind: 'filter';
      readonly primary: Expression;
      readonly predicates: readonly Expression[];
      readonly steps: readonly Step[];
    };
