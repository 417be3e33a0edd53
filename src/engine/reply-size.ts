/**
 * The size of a reply as virt-launcher's grpc-go client counts it, and the error for one it would
 * refuse (docs/serving.md#limits, docs/kubevirt.md#deadlines-and-message-sizes).
 */
import type { PatchError } from './errors.js';

/** UTF-8 bytes of `text`, computed only where the character count cannot settle it. */
export function utf8Length(text: string, atMost: number): number {
  if (text.length * 3 <= atMost) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    // a surrogate pair is four bytes: three for the high half, one for the low
    else if (code >= 0xdc00 && code < 0xe000) bytes += 1;
    else bytes += 3;
  }
  return bytes;
}

/**
 * LIMIT_EXCEEDED for a reply over `maxBytes`, naming the document that added the most to it
 * (`growth`: characters each applied document added), so the user knows which to shrink.
 */
export function replyTooLarge(
  what: string,
  bytes: number,
  maxBytes: number,
  growth: ReadonlyMap<string, number>,
): PatchError {
  let grower: string | undefined;
  let most = -1;
  for (const [name, added] of growth)
    if (added > most) {
      grower = name;
      most = added;
    }
  return {
    code: 'LIMIT_EXCEEDED',
    message:
      `the patched ${what} is ${bytes} bytes, more than the ${maxBytes} a reply may carry ` +
      '(virt-launcher refuses a larger message)',
    location: grower === undefined ? {} : { document: grower },
  };
}
