/** Turns the VMI's parsed JSON into CEL values, and measures it for the cost bound. */

/** The largest parts of a VMI, which bound every value an expression can take from it. */
export interface VmiShape {
  /** most elements in one list or entries in one map */
  readonly items: number;
  /** most characters in one string or map key */
  readonly chars: number;
  /** elements, entries and characters in the whole document */
  readonly total: number;
}

export interface Activation {
  readonly vmi: unknown;
  readonly shape: VmiShape;
}

interface Measure {
  items: number;
  chars: number;
  total: number;
}

/** The shape of every converted list and map, so the cost estimate can follow static paths. */
const shapes = new WeakMap<object, VmiShape>();

/** The shape of a converted VMI value or any part of it. */
export function shapeOf(value: unknown): VmiShape {
  if (typeof value === 'string') return { items: 0, chars: value.length, total: value.length + 1 };
  if (value !== null && typeof value === 'object')
    return shapes.get(value) ?? { items: 0, chars: 0, total: 1 };
  return { items: 0, chars: 0, total: 1 };
}

/** Converts one list or map and records the shape of its subtree. */
function measured(convert: (measure: Measure) => object, outer: Measure): object {
  const inner: Measure = { items: 0, chars: 0, total: 0 };
  const value = convert(inner);
  shapes.set(value, { ...inner });
  outer.items = Math.max(outer.items, inner.items);
  outer.chars = Math.max(outer.chars, inner.chars);
  outer.total += inner.total;
  return value;
}

/**
 * JSON has one number type; CEL has int and double and does not mix them in arithmetic.
 * Integral numbers become CEL ints (bigint) so that `vmi.spec.domain.cpu.cores * 2` and
 * `cores == 2` work as users expect; numbers with a fraction stay doubles.
 */
function toCel(value: unknown, measure: Measure): unknown {
  if (typeof value === 'number') {
    measure.total += 1;
    return Number.isSafeInteger(value) ? BigInt(value) : value;
  }
  if (typeof value === 'string') {
    measure.chars = Math.max(measure.chars, value.length);
    measure.total += value.length + 1;
    return value;
  }
  if (Array.isArray(value)) {
    const list: unknown[] = value;
    return measured((inner) => {
      inner.items = list.length;
      inner.total = list.length + 1;
      return list.map((item) => toCel(item, inner));
    }, measure);
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    return measured((inner) => {
      inner.items = entries.length;
      inner.total = entries.length + 1;
      // A Map, not a plain object: the CEL library reads an own key `constructor` as the
      // object's class ("Unsupported type: object"), and `__proto__` must stay an ordinary key.
      return new Map(
        entries.map(([key, item]) => {
          inner.chars = Math.max(inner.chars, key.length);
          inner.total += key.length;
          return [key, toCel(item, inner)];
        }),
      );
    }, measure);
  }
  measure.total += 1;
  return value;
}

/** The appliers evaluate many expressions against one VMI per call: convert it once. */
const converted = new WeakMap<object, Activation>();

export function activationFor(vmi: unknown): Activation {
  if (vmi !== null && typeof vmi === 'object') {
    const known = converted.get(vmi);
    if (known !== undefined) return known;
  }
  const measure: Measure = { items: 0, chars: 0, total: 0 };
  const activation: Activation = { vmi: toCel(vmi, measure), shape: { ...measure } };
  if (vmi !== null && typeof vmi === 'object') converted.set(vmi, activation);
  return activation;
}
