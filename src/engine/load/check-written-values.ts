/**
 * Load-time checks of what `set` and a string `replace` would write: never a namespace declaration,
 * never a character XML cannot carry, never a self-defeating write.
 */
import type { Problem } from '../errors.js';
import { expandTemplate, templateNames } from '../template.js';
import { XMLNS_NAMESPACE } from '../xml/node-kinds.js';
import type { NameTest, SimplePath } from '../xml/simple-path.js';
import { characterName, firstNonXmlCharacter } from '../xml/xml-characters.js';
import { contradictoryPredicates, predicateChangedBy } from './self-defeating-path.js';

function isDeclaration(name: NameTest): boolean {
  return (
    name.namespaceURI === XMLNS_NAMESPACE ||
    name.prefix === 'xmlns' ||
    ((name.prefix === undefined || name.prefix === '') && name.localName === 'xmlns')
  );
}

/** The attributes a `set` may write: its target and those its predicates make true on creation. */
function writtenAttributes(path: SimplePath): NameTest[] {
  const names = path.steps.flatMap((step) =>
    step.predicates.flatMap((predicate) =>
      predicate.attribute === undefined ? [] : [predicate.attribute],
    ),
  );
  return path.target.kind === 'attribute' ? [...names, path.target.name] : names;
}

/** INVALID_CHARACTER for the first text (value, or a predicate literal) holding a character XML 1.0 cannot carry. */
export function invalidCharacter(
  texts: readonly string[],
  what = 'the value',
): Problem | undefined {
  for (const text of texts) {
    const at = firstNonXmlCharacter(text);
    if (at >= 0)
      return {
        code: 'INVALID_CHARACTER',
        message: `${what} holds ${characterName(text, at)}, which XML 1.0 cannot carry`,
      };
  }
  return undefined;
}

/** The value as written, when it refers to no var (so it is known before any call). */
function literalValue(value: string): string | undefined {
  return templateNames(value).length === 0 ? expandTemplate(value, new Map()) : undefined;
}

/**
 * The path of a `set` writing `value` (whose own characters `invalidCharacter` checks).
 * Errors: NAMESPACE_DECLARATION, INVALID_CHARACTER (in a predicate), NOT_IDEMPOTENT.
 */
export function checkSetWrite(path: SimplePath, value: string): Problem | undefined {
  const declaration = writtenAttributes(path).find(isDeclaration);
  if (declaration !== undefined)
    return {
      code: 'NAMESPACE_DECLARATION',
      message:
        'set cannot write a namespace declaration (xmlns, xmlns:p): ' +
        'hookpatch declares the namespaces of what it inserts itself',
    };
  const literals = path.steps.flatMap((step) => step.predicates.map((p) => p.value));
  const invalid = invalidCharacter(literals, 'a predicate of the path');
  if (invalid !== undefined) return invalid;
  const defeat = contradictoryPredicates(path) ?? predicateChangedBy(path, literalValue(value));
  return defeat === undefined ? undefined : { code: 'NOT_IDEMPOTENT', message: defeat };
}

/**
 * A string `replace` of an attribute or text node: INVALID_CHARACTER; NOT_IDEMPOTENT when the
 * path reads as a simple path whose predicate the value changes and the operation must match
 * (with `optional: true` the next call matching nothing is the converged state).
 */
export function checkReplaceWrite(
  path: SimplePath | undefined,
  value: string,
  mustMatch: boolean,
): Problem | undefined {
  const invalid = invalidCharacter([value]);
  if (invalid !== undefined || path === undefined || !mustMatch) return invalid;
  const defeat = predicateChangedBy(path, literalValue(value));
  return defeat === undefined ? undefined : { code: 'NOT_IDEMPOTENT', message: defeat };
}
