/** What compiling one document needs to know: where it came from, its namespaces and vars, and where to put errors. */
import type { Node } from 'yaml';
import { locate, type Location, type PatchError, type Problem } from '../errors.js';
import type { CelLimits } from '../expr/cel-limits.js';
import type { Namespaces } from '../model.js';
import type { PatchWarning, WarningCode } from '../warnings.js';
import { templateNames } from '../template.js';
import { fieldOffset, fieldPointer, type FieldPath } from './locate-field.js';

export interface DocumentScope {
  readonly source: string;
  readonly document: string;
  readonly namespaces: Namespaces;
  readonly varNames: ReadonlySet<string>;
  /** the location of a field (path inside the spec body), with what the caller adds (list, operation, op, path) */
  readonly at: (path: FieldPath, extra?: Location) => Location;
  readonly report: (problem: Problem, path: FieldPath, extra?: Location) => void;
  readonly warn: (code: WarningCode, message: string, path: FieldPath, extra?: Location) => void;
  /** `--max-cel-cost` for the load-time check; DEFAULT_CEL_LIMITS when absent */
  readonly celLimits?: CelLimits | undefined;
}

export interface ScopeInput {
  readonly source: string;
  readonly document: string;
  readonly node: Node;
  /** `['spec']` for the full form, `[]` for the short form */
  readonly base: FieldPath;
  readonly namespaces: Namespaces;
  readonly varNames: ReadonlySet<string>;
  readonly position: (offset: number) => { readonly line: number; readonly column: number };
  readonly errors: PatchError[];
  readonly warnings: PatchWarning[];
  readonly celLimits?: CelLimits | undefined;
}

export function documentScope(input: ScopeInput): DocumentScope {
  const at = (path: FieldPath, extra: Location = {}): Location => {
    const full = [...input.base, ...path];
    return {
      source: input.source,
      ...input.position(fieldOffset(input.node, full)),
      document: input.document,
      ...extra,
      field: fieldPointer(full),
    };
  };
  return {
    source: input.source,
    document: input.document,
    namespaces: input.namespaces,
    varNames: input.varNames,
    celLimits: input.celLimits,
    at,
    report: (problem, path, extra) => {
      input.errors.push(locate(problem, at(path, extra)));
    },
    warn: (code, message, path, extra) => {
      input.warnings.push({ code, message, location: at(path, extra) });
    },
  };
}

/** An unknown `$(name)` is an error when the document is loaded, not at call time (UNKNOWN_VAR). */
export function checkTemplate(
  scope: DocumentScope,
  text: string,
  path: FieldPath,
  extra?: Location,
): void {
  for (const name of new Set(templateNames(text))) {
    if (!scope.varNames.has(name)) {
      scope.report(
        { code: 'UNKNOWN_VAR', message: `$(${name}) refers to no var of this document` },
        path,
        extra,
      );
    }
  }
}
