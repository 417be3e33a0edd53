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
    measure.items = Math.max(measure.items, value.length);
    measure.total += value.length + 1;
    return value.map((item: unknown) => toCel(item, measure));
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    measure.items = Math.max(measure.items, entries.length);
    measure.total += entries.length + 1;
    // fromEntries defines own properties, so a JSON key `__proto__` stays an ordinary key.
    return Object.fromEntries(
      entries.map(([key, item]) => {
        measure.chars = Math.max(measure.chars, key.length);
        measure.total += key.length;
        return [key, toCel(item, measure)];
      }),
    );
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
