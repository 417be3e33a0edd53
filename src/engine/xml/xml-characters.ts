/** The characters XML 1.0 can carry (its `Char` production, §2.2): in input, fragments and written values. */

/** C0 controls but tab, line feed and carriage return; U+FFFE and U+FFFF. */
export function isForbiddenCode(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
    code === 0xfffe ||
    code === 0xffff
  );
}

/**
 * Offset of the first character of `text` that no XML 1.0 document can hold, written or as a
 * reference — a forbidden code, or half of a surrogate pair (UTF-8 cannot encode it; writing it
 * would silently become U+FFFD) — or -1.
 */
export function firstNonXmlCharacter(text: string): number {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (isForbiddenCode(code)) return i;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
      else return i;
    } else if (code >= 0xdc00 && code <= 0xdfff) return i;
  }
  return -1;
}

/** `U+0001`: how a message names a character that cannot be shown. */
export function characterName(text: string, offset: number): string {
  return `U+${text.charCodeAt(offset).toString(16).toUpperCase().padStart(4, '0')}`;
}
