// Text limits measured the way directories measure them: in UTF-8 bytes, cut only between characters.

const encoder = new TextEncoder();

/** `text` if it fits in `maxBytes` of UTF-8; otherwise as much as fits, whole code points, plus "…". */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (encoder.encode(text).byteLength <= maxBytes) return text;
  const budget = maxBytes - 3; // the ellipsis is 3 bytes
  let used = 0;
  let out = '';
  for (const char of text) {
    const size = encoder.encode(char).byteLength;
    if (used + size > budget) break;
    used += size;
    out += char;
  }
  return `${out.trimEnd()}…`;
}
