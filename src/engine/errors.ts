/** Errors are data: a code from one union, a message without location, and a location filled in by whoever knows it. */

export type ErrorCode =
  // loading a document
  | 'YAML_SYNTAX' // the file is not valid YAML / JSON
  | 'SCHEMA_VIOLATION' // the document does not match schemas/patch.schema.json (generic)
  | 'UNKNOWN_OP' // `op` is not one of the known operations
  | 'MISSING_FIELD' // a required field is absent
  | 'UNKNOWN_FIELD' // a field the schema does not know
  | 'DUPLICATE_NAME' // two loaded documents share metadata.name
  | 'XPATH_SYNTAX' // `path` is not a valid XPath 1.0 expression
  | 'UNKNOWN_PREFIX' // a namespace prefix not declared in `namespaces` (nor predefined)
  | 'NOT_SIMPLE_PATH' // a `set` path that is not a simple location path
  | 'FRAGMENT_MALFORMED' // a `value` XML fragment that is not well-formed
  | 'POINTER_SYNTAX' // a JSON pointer that is not RFC 6901
  | 'CEL_SYNTAX' // a CEL expression that does not parse / check
  | 'UNKNOWN_VAR' // `$(name)` with no such var
  | 'NAMESPACE_DECLARATION' // `set` of an xmlns or xmlns:p attribute: hookpatch declares namespaces itself
  | 'INVALID_CHARACTER' // a value (at load) or a var's value (at apply) holds a character XML 1.0 cannot carry
  | 'NOT_IDEMPOTENT' // a later call would not find the operation's result again: it would add again or fail
  // applying
  | 'DOCTYPE_REFUSED' // a <!DOCTYPE> in the input or in a fragment
  | 'XML_MALFORMED' // the input domain XML is not well-formed
  | 'JSON_MALFORMED' // the input JSON (cloud-init data, VMI) is not valid
  | 'NO_MATCH' // add/replace/set selected nothing and the op is not optional
  | 'COUNT_MISMATCH' // `count: N` and the path selected another number of nodes
  | 'WRONG_NODE_TYPE' // the path selected a node the operation cannot act on
  | 'ROOT_REMOVED' // an operation would remove the document element, or make a <domain> another element
  | 'POINTER_NOT_FOUND' // a JSON pointer into nothing
  | 'TEST_FAILED' // a JSON Patch `test` op did not hold
  | 'CEL_EVAL' // a CEL expression failed at call time (missing key, cost limit, wrong type)
  | 'NOT_CLOUD_CONFIG' // userData/networkData targeted but the string is not YAML data
  | 'LIMIT_EXCEEDED' // a size / count / cost limit
  | 'RESOURCE_EXHAUSTED' // the call needs more heap than the sidecar has left
  | 'DEADLINE_EXCEEDED' // the call ran past its deadline
  | 'POLICY_INVALID' // the annotation policy file does not load
  | 'POLICY_DENIED' // the annotation policy refuses the document
  // serving
  | 'SOURCE_UNREADABLE' // a patch path missing, not a regular file, unreadable, or a ConfigMap that keeps changing
  | 'REQUEST_INVALID'; // a request field holds what the hook protocol does not allow (an unknown context)

/** The operation list a location points into. */
export type OperationList = 'domain' | 'cloudInit' | 'userData' | 'networkData';

/** A place in a text, both 1-based. */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** Where an error happened. Every field is optional: each layer fills in what it knows. */
export interface Location {
  /** file path, `-` for stdin, or `annotation:hookpatch.io/patch` */
  readonly source?: string;
  /** 1-based */
  readonly line?: number;
  /** 1-based */
  readonly column?: number;
  /** the document's metadata.name (or derived short-form name) */
  readonly document?: string;
  readonly list?: OperationList;
  /** 0-based index of the operation within its list */
  readonly operation?: number;
  /** the operation's `op` */
  readonly op?: string;
  /** the operation's `path` (XPath or JSON pointer) */
  readonly path?: string;
  /** JSON pointer to the offending field inside the document, e.g. `/spec/domain/2/value` */
  readonly field?: string;
  /** where inside the field's value (an XML fragment) the error lies */
  readonly inValue?: TextPosition;
}

/** RFC 5261 §5.1 error elements (`<unlocated-node>` …), carried by errors of XML patch documents beside the code. */
export type Rfc5261Error =
  | 'invalid-attribute-value'
  | 'invalid-diff-format'
  | 'invalid-namespace-prefix'
  | 'invalid-namespace-uri'
  | 'invalid-node-types'
  | 'invalid-patch-directive'
  | 'invalid-root-element-operation'
  | 'invalid-whitespace-directive'
  | 'unlocated-node';

/** What went wrong, before anyone knows where. */
export interface Problem {
  readonly code: ErrorCode;
  readonly message: string;
  /** set for RFC 5261 documents: the RFC's name for the error */
  readonly rfc5261?: Rfc5261Error;
  /** where in the text being read (the input, or a value) the problem lies, when the reader knows */
  readonly at?: TextPosition;
}

/** A problem and where it happened: the one failure every layer passes on. */
export interface PatchError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly rfc5261?: Rfc5261Error;
  readonly location: Location;
}

/** A single-failure result: most engine functions either succeed or hit one problem. */
export type Outcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: Problem };

export function ok<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

export function fail(
  code: ErrorCode,
  message: string,
  at?: TextPosition,
): { readonly ok: false; readonly problem: Problem } {
  return { ok: false, problem: at === undefined ? { code, message } : { code, message, at } };
}

/**
 * The problem at `location`. A position the reader found is the error's line and column when the
 * location has none (the text was the input itself), else a position inside the located value.
 */
export function locate(problem: Problem, location: Location): PatchError {
  const { at, ...error } = problem;
  if (at === undefined) return { ...error, location };
  if (location.line === undefined)
    return { ...error, location: { ...location, line: at.line, column: at.column } };
  return { ...error, location: { ...location, inValue: at } };
}
