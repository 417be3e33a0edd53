/** Typed reads of decoded request messages: proto-loader hands over plain objects, checked here at the edge. */

function field(message: unknown, name: string): unknown {
  return typeof message === 'object' && message !== null ? (message as Record<string, unknown>)[name] : undefined;
}

/** A `bytes` field; absent (proto3 default) reads as empty. */
export function bytesField(message: unknown, name: string): Buffer {
  const value = field(message, name);
  return Buffer.isBuffer(value) ? value : Buffer.alloc(0);
}

/** A `string` field; absent reads as ''. */
export function stringField(message: unknown, name: string): string {
  const value = field(message, name);
  return typeof value === 'string' ? value : '';
}

/** A message-typed field; absent reads as undefined. */
export function messageField(message: unknown, name: string): unknown {
  const value = field(message, name);
  return typeof value === 'object' && value !== null ? value : undefined;
}
