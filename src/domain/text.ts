// Text limits measured the way directories measure them: in UTF-8 bytes, cut only between characters.

const encoder = new TextEncoder();

/** The bytes `text` takes in UTF-8. */
export const utf8ByteLength = (text: string) => encoder.encode(text).byteLength;

/**
 * `text` if it fits in `maxBytes` of UTF-8; otherwise as much as fits, whole code points, plus "…".
 * `measure` gives the bytes text takes where it is going (for text sent escaped, the escaped form's
 * UTF-8); it must add up character by character, as UTF-8 and escaping do.
 */
export function truncateUtf8(text: string, maxBytes: number, measure = utf8ByteLength): string {
  if (measure(text) <= maxBytes) return text;
  const budget = maxBytes - measure('…');
  let used = 0;
  let out = '';
  for (const char of text) {
    const size = measure(char);
    if (used + size > budget) break;
    used += size;
    out += char;
  }
  return `${out.trimEnd()}…`;
}
