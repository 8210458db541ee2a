// The characters XML 1.0 can carry (§2.2 Char): text holding any other is refused at the door, never cut.

/**
 * XML 1.0 §2.2: `#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]`. Anything
 * else (C0 controls such as NUL, a lone surrogate, U+FFFE, U+FFFF) cannot appear in a feed, and NUL
 * cuts text short in SQLite's C strings.
 */
const FORBIDDEN = new RegExp(
  [
    '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]',
    // Without the u flag a regex sees UTF-16 code units, so an unpaired half of a pair is findable.
    '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])',
    '(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]',
  ].join('|'),
);

export interface ForbiddenChar {
  /** Index in UTF-16 code units, as JavaScript counts. */
  readonly index: number;
  /** Such as "U+0000". */
  readonly codePoint: string;
}

/** The first character XML 1.0 cannot carry, or undefined when the text is clean. */
export function findForbiddenXmlChar(text: string): ForbiddenChar | undefined {
  const match = FORBIDDEN.exec(text);
  if (!match) return undefined;
  const unit = match[0].charCodeAt(0);
  return { index: match.index, codePoint: `U+${unit.toString(16).toUpperCase().padStart(4, '0')}` };
}

/** A message naming the character and where it is, for a 400 that says what to fix. */
export function forbiddenXmlCharMessage(found: ForbiddenChar): string {
  return `contains ${found.codePoint} at position ${found.index}, a character XML 1.0 cannot carry (remove it)`;
}
