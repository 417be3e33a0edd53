/** The bad-document fixtures (test/fixtures/documents/bad/) and the one error each must give; the loader and the CLI tests share it. */
import type { ErrorCode } from '../../../src/engine/errors.js';

export const BAD_DOCUMENTS: readonly {
  file: string;
  code: ErrorCode;
  line: number;
  column: number;
  field?: string;
}[] = [
  { file: 'unknown-op.yaml', code: 'UNKNOWN_OP', line: 2, column: 9, field: '/domain/0/op' },
  { file: 'missing-path.yaml', code: 'MISSING_FIELD', line: 7, column: 7, field: '/spec/domain/0' },
  { file: 'xpath-syntax.yaml', code: 'XPATH_SYNTAX', line: 3, column: 11, field: '/domain/0/path' },
  {
    file: 'unknown-prefix.yaml',
    code: 'UNKNOWN_PREFIX',
    line: 5,
    column: 11,
    field: '/domain/0/path',
  },
  {
    file: 'fragment-malformed.yaml',
    code: 'FRAGMENT_MALFORMED',
    line: 4,
    column: 12,
    field: '/domain/0/value',
  },
  {
    file: 'doctype-refused.yaml',
    code: 'DOCTYPE_REFUSED',
    line: 4,
    column: 12,
    field: '/domain/0/value',
  },
  {
    file: 'replace-fragment.yaml',
    code: 'FRAGMENT_MALFORMED',
    line: 7,
    column: 12,
    field: '/domain/1/value',
  },
  {
    file: 'not-simple-path.yaml',
    code: 'NOT_SIMPLE_PATH',
    line: 3,
    column: 11,
    field: '/domain/0/path',
  },
  { file: 'yaml-syntax.yaml', code: 'YAML_SYNTAX', line: 3, column: 1 },
  { file: 'json-syntax.json', code: 'YAML_SYNTAX', line: 1, column: 20 },
  // RFC 6902 operations with two `op` members: a JSON.parse-based loader would silently keep the last.
  { file: 'duplicate-key.json', code: 'YAML_SYNTAX', line: 2, column: 17 },
  {
    file: 'unknown-field.yaml',
    code: 'UNKNOWN_FIELD',
    line: 5,
    column: 5,
    field: '/domain/0/optinal',
  },
  {
    file: 'unknown-field.json',
    code: 'UNKNOWN_FIELD',
    line: 6,
    column: 7,
    field: '/domain/0/cout',
  },
  {
    file: 'duplicate-name.yaml',
    code: 'DUPLICATE_NAME',
    line: 13,
    column: 9,
    field: '/metadata/name',
  },
  { file: 'unknown-var.yaml', code: 'UNKNOWN_VAR', line: 6, column: 12, field: '/domain/0/value' },
  {
    file: 'unknown-var-json.yaml',
    code: 'UNKNOWN_VAR',
    line: 5,
    column: 21,
    field: '/cloudInit/0/value/tags/1',
  },
  {
    file: 'pointer-syntax.yaml',
    code: 'POINTER_SYNTAX',
    line: 3,
    column: 11,
    field: '/cloudInit/0/path',
  },
  { file: 'cel-syntax.yaml', code: 'CEL_SYNTAX', line: 1, column: 7, field: '/when' },
  { file: 'var-name.yaml', code: 'SCHEMA_VIOLATION', line: 3, column: 3, field: '/vars/1x' },
  {
    file: 'set-xmlns.yaml',
    code: 'NAMESPACE_DECLARATION',
    line: 3,
    column: 11,
    field: '/domain/0/path',
  },
  {
    file: 'set-self-defeating.yaml',
    code: 'NOT_IDEMPOTENT',
    line: 4,
    column: 11,
    field: '/domain/0/path',
  },
  {
    file: 'invalid-character.yaml',
    code: 'INVALID_CHARACTER',
    line: 4,
    column: 12,
    field: '/domain/0/value',
  },
  {
    file: 'fragment-empty-prefix.yaml',
    code: 'FRAGMENT_MALFORMED',
    line: 4,
    column: 12,
    field: '/domain/0/value',
  },
  {
    file: 'schema-violation.yaml',
    code: 'SCHEMA_VIOLATION',
    line: 1,
    column: 16,
    field: '/failurePolicy',
  },
];
