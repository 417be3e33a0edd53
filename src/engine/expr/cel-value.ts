/** Names and renders the values a CEL evaluation returns. */

const CLASS_TYPES: Readonly<Record<string, string>> = {
  UnsignedInt: 'uint',
  Uint8Array: 'bytes',
  Duration: 'google.protobuf.Duration',
  Date: 'google.protobuf.Timestamp',
  Type: 'type',
  Optional: 'optional',
  Object: 'map',
  Map: 'map',
};

/** The CEL type name of a value, for messages such as "condition returned string, not bool". */
export function celTypeName(value: unknown): string {
  switch (typeof value) {
    case 'bigint':
      return 'int';
    case 'number':
      return 'double';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) return 'list';
      const prototype: unknown = Object.getPrototypeOf(value);
      if (prototype === null) return 'map';
      const maker: unknown =
        typeof prototype === 'object' && 'constructor' in prototype
          ? prototype.constructor
          : undefined;
      return typeof maker === 'function' ? (CLASS_TYPES[maker.name] ?? maker.name) : 'object';
    }
    default:
      return typeof value;
  }
}

/**
 * A var's text: strings as they are; int, uint, double and bool as CEL's `string()` writes
 * them. Anything else (null, lists, maps, bytes, timestamps) is refused: a var stands in for
 * one value in XML or JSON text, and silently choosing a rendering would hide mistakes.
 */
export function scalarText(value: unknown): string | undefined {
  switch (celTypeName(value)) {
    case 'string':
    case 'int':
    case 'bool':
    case 'uint':
      return String(value);
    case 'double':
      if (value === Infinity) return '+Inf';
      if (value === -Infinity) return '-Inf';
      return String(value);
    default:
      return undefined;
  }
}
