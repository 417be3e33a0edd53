/**
 * A simple path that its own write would stop matching (idempotent by default,
 * docs/documents.md#how-operations-behave): the next call would find nothing, and `set` would
 * create a second element, on every call.
 */
import type { NameTest, SimplePath, SimplePredicate, SimpleStep } from '../xml/simple-path.js';

function sameName(a: NameTest, b: NameTest): boolean {
  return a.namespaceURI === b.namespaceURI && a.localName === b.localName;
}

function written(name: NameTest): string {
  return name.prefix === undefined || name.prefix === ''
    ? name.localName
    : `${name.prefix}:${name.localName}`;
}

/** What a predicate compares, as text: `alias/@name`, `serial` (its text). */
function subject(predicate: SimplePredicate): string {
  const parts = predicate.elements.map(written);
  if (predicate.attribute !== undefined) parts.push(`@${written(predicate.attribute)}`);
  return parts.length === 0 ? 'text()' : parts.join('/');
}

function sameSubject(a: SimplePredicate, b: SimplePredicate): boolean {
  if (a.elements.length !== b.elements.length) return false;
  if (!a.elements.every((name, i) => b.elements[i] !== undefined && sameName(name, b.elements[i])))
    return false;
  if (a.attribute === undefined || b.attribute === undefined) return a.attribute === b.attribute;
  return sameName(a.attribute, b.attribute);
}

/** `[@name='a'][@name='b']`: no element holds both, so the one `set` creates never matches. */
function contradiction(step: SimpleStep): string | undefined {
  const { predicates } = step;
  for (const [i, first] of predicates.entries()) {
    const other = predicates
      .slice(i + 1)
      .find((second) => sameSubject(first, second) && second.value !== first.value);
    if (other !== undefined)
      return (
        `two predicates of step ${written(step.name)} demand ${subject(first)} be both ` +
        `'${first.value}' and '${other.value}': no element matches, so every call would create one`
      );
  }
  return undefined;
}

/** The predicate (of the step at `index` or above) that compares the node the path writes, if any. */
function predicateOnTarget(path: SimplePath): SimplePredicate | undefined {
  const last = path.steps.length - 1;
  const { target } = path;
  for (let index = last; index >= 0; index -= 1) {
    const below = path.steps.slice(index + 1).map((step) => step.name);
    const found = path.steps[index]?.predicates.find(
      (predicate) =>
        predicate.elements.length === below.length &&
        predicate.elements.every((name, i) => below[i] !== undefined && sameName(name, below[i])) &&
        (target.kind === 'attribute'
          ? predicate.attribute !== undefined && sameName(predicate.attribute, target.name)
          : predicate.attribute === undefined),
    );
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Why no element can match `path` (so `set` would create one on every call), or undefined. */
export function contradictoryPredicates(path: SimplePath): string | undefined {
  for (const step of path.steps) {
    const contradicting = contradiction(step);
    if (contradicting !== undefined) return contradicting;
  }
  return undefined;
}

/**
 * Why writing `value` (undefined when it holds `$(vars)`, known only at call time) to what
 * `path` selects changes what the path selects by, or undefined when the path shows no such thing.
 */
export function predicateChangedBy(
  path: SimplePath,
  value: string | undefined,
): string | undefined {
  const predicate = predicateOnTarget(path);
  if (predicate === undefined || value === undefined || value === predicate.value) return undefined;
  return (
    `the value '${value}' changes ${subject(predicate)}, which the path selects by ` +
    `('${predicate.value}'): the next call would not find what this one wrote`
  );
}
