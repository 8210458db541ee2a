// XML text for feeds: escaping that keeps any string well-formed (XML 1.0 §2.2, §2.4, §3.3.3).
//
// Written here rather than taken from `entities` or `xml-escape`: those escape markup characters but
// pass through what XML 1.0 forbids outright (C0 controls, U+FFFE/U+FFFF, unpaired surrogates),
// which makes the document ill-formed. One regular expression each way; measured in bench/feeds.

/**
 * Characters XML 1.0 does not allow anywhere (Char production): C0 controls other than tab, LF and
 * CR; U+FFFE and U+FFFF; and surrogate halves that are not part of a pair.
 */
const FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML forbids
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// A raw CR would be turned into LF by every parser (XML 1.0 §2.11); a reference keeps it.
const TEXT_SPECIAL = /[&<>\r]/g;
const ATTR_SPECIAL = /[&<>"\t\n\r]/g;
const ENTITY: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  // Attribute-value normalisation (§3.3.3) would turn these into spaces; references keep them.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};
const replaceEntity = (c: string) => ENTITY[c] as string;
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML forbids
const NEEDS_TEXT_WORK = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML forbids
const NEEDS_ATTR_WORK = /[&<>"\t\n\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Removes the characters XML cannot carry (so `]]>`, `&`, `<` and emoji all survive, escaped). */
export function stripForbidden(text: string): string {
  return text.replace(FORBIDDEN, '');
}

/** Escapes character data. `>` is escaped too, so `]]>` can never appear. */
export function escapeText(text: string): string {
  if (!NEEDS_TEXT_WORK.test(text)) return text;
  return text.replace(FORBIDDEN, '').replace(TEXT_SPECIAL, replaceEntity);
}

/** Escapes a double-quoted attribute value. */
export function escapeAttr(text: string): string {
  if (!NEEDS_ATTR_WORK.test(text)) return text;
  return text.replace(FORBIDDEN, '').replace(ATTR_SPECIAL, replaceEntity);
}

/** `<name>escaped text</name>`, or '' when `text` is undefined. */
export function element(name: string, text: string | number | undefined): string {
  return text === undefined ? '' : `<${name}>${escapeText(String(text))}</${name}>`;
}

/** ` a="1" b="2"` from the defined entries, in the order given. */
export function attributes(attrs: Readonly<Record<string, string | number | undefined>>): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined) out += ` ${name}="${escapeAttr(String(value))}"`;
  }
  return out;
}

/** A self-closing `<name attrs/>`. */
export function emptyElement(
  name: string,
  attrs: Readonly<Record<string, string | number | undefined>>,
): string {
  return `<${name}${attributes(attrs)}/>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
