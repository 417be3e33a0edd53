/** Typed reads of decoded request messages: proto-loader hands over plain objects, checked here at the edge. */
import type { PatchError } from '../engine/index.js';

function field(message: unknown, name: string): unknown {
  return typeof message === 'object' && message !== null
    ? (message as Record<string, unknown>)[name]
    : undefined;
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

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A `bytes` field as text: invalid UTF-8 is refused rather than silently replaced by U+FFFD. */
export function utf8Text(
  bytes: Buffer,
  name: string,
):
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly error: PatchError } {
  try {
    return { ok: true, text: strictUtf8.decode(bytes) };
  } catch {
    const code = name === 'vmi' || name === 'cloudInitData' ? 'JSON_MALFORMED' : 'XML_MALFORMED';
    return { ok: false, error: { code, message: 'not valid UTF-8', location: { source: name } } };
  }
}
