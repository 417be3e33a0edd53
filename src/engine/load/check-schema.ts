/** Validate one document against schemas/patch.schema.json and turn ajv's errors into coded problems at a field. */
import type { ErrorObject } from 'ajv';
import type { Problem } from '../errors.js';
import { pointerSegments, type FieldPath } from './locate-field.js';
import { validate } from './patch-schema-validator.generated.js';

/** A schema problem and the field it is about; `key` when the key itself is the culprit (an unknown field). */
export interface SchemaProblem {
  readonly problem: Problem;
  readonly field: FieldPath;
  readonly key: boolean;
}

const runValidator: (data: unknown) => boolean = validate;

export function checkSchema(value: unknown): SchemaProblem[] {
  if (runValidator(value)) return [];
  const raw: unknown = Reflect.get(validate, 'errors');
  const errors = Array.isArray(raw) ? raw.filter(isErrorObject) : [];
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const mapped = schemaProblem(error);
    if (mapped === undefined) continue;
    const identity = `${mapped.problem.code} ${mapped.field.join('/')}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    problems.push(mapped);
  }
  return problems;
}

function schemaProblem(error: ErrorObject): SchemaProblem | undefined {
  const at = pointerSegments(error.instancePath);
  // The inner error of a `propertyNames` failure; the `propertyNames` error itself says it better.
  if (error.propertyName !== undefined) return undefined;
  const params: Record<string, unknown> = error.params;
  switch (error.keyword) {
    // `if` only says that a `then`/`else` branch failed; the branch's own errors say why.
    case 'if':
      return undefined;
    case 'propertyNames': {
      const name = String(params['propertyName']);
      const what =
        at.at(-1) === 'vars'
          ? 'var name (letters, digits, _; not starting with a digit)'
          : 'namespace prefix';
      return {
        problem: { code: 'SCHEMA_VIOLATION', message: `'${name}' is not a valid ${what}` },
        field: [...at, name],
        key: true,
      };
    }
    case 'type':
      return violation(at, `must be ${String(params['type']).split(',').join(' or ')}`);
    case 'required': {
      const name = String(params['missingProperty']);
      return {
        problem: { code: 'MISSING_FIELD', message: `missing required field '${name}'` },
        field: at,
        key: false,
      };
    }
    case 'additionalProperties': {
      const name = String(params['additionalProperty']);
      return {
        problem: { code: 'UNKNOWN_FIELD', message: `unknown field '${name}'` },
        field: [...at, name],
        key: true,
      };
    }
    case 'enum':
      if (at.at(-1) === 'op' && at.length >= 2) {
        // One clear error instead of every branch of the union failing.
        return {
          problem: {
            code: 'UNKNOWN_OP',
            message: `unknown op; expected one of ${allowed(params)}`,
          },
          field: at,
          key: false,
        };
      }
      return violation(at, `must be one of ${allowed(params)}`);
    case 'const':
      return violation(at, `must be ${JSON.stringify(params['allowedValue'])}`);
    default:
      return violation(at, error.message ?? `fails schema keyword ${error.keyword}`);
  }
}

function violation(field: FieldPath, message: string): SchemaProblem {
  const name = field.length === 0 ? 'the document' : `'${field.join('.')}'`;
  return {
    problem: { code: 'SCHEMA_VIOLATION', message: `${name} ${message}` },
    field,
    key: false,
  };
}

function allowed(params: Record<string, unknown>): string {
  const values = params['allowedValues'];
  return Array.isArray(values) ? values.map(String).join(', ') : '';
}

function isErrorObject(value: unknown): value is ErrorObject {
  return (
    typeof value === 'object' &&
    value !== null &&
    'instancePath' in value &&
    'keyword' in value &&
    'params' in value
  );
}
