// XML text for feeds: escaping that keeps any string well-formed (XML 1.0 §2.2, §2.4, §2.11, §3.3.3).
//
// Written here rather than taken from `entities` or `xml-escape`: those escape markup characters but
// pass through what XML 1.0 forbids outright (C0 controls, U+FFFE/U+FFFF, unpaired surrogates),
// which makes the document ill-formed. One pass per string; speed measured in bench/feed-render.
import type { Html } from '../domain/html.ts';

/**
 * What a text node or attribute value may not hold as is: markup characters, CR (parsers turn a raw
 * CR into LF), and the characters XML 1.0 does not allow at all (C0 controls other than tab, LF
 * and CR, and U+FFFE/U+FFFF), which are dropped.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML forbids
const TEXT_SPECIAL = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML forbids
const ATTR_SPECIAL = /[&<>"\t\n\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML forbids
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

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
const replaceEntity = (c: string) => ENTITY[c] ?? '';

/** Unpaired surrogates cannot be written as UTF-8 at all: they become U+FFFD, as a decoder would show them. */
const wellFormed = (text: string) => (text.isWellFormed() ? text : text.toWellFormed());

/** What XML can carry of `text`: forbidden characters dropped, unpaired surrogates replaced by U+FFFD. */
export function stripForbidden(text: string): string {
  return wellFormed(text).replace(FORBIDDEN, '');
}

/** Escapes character data. `>` is escaped too, so `]]>` can never appear. */
export function escapeText(text: string): string {
  return wellFormed(text).replace(TEXT_SPECIAL, replaceEntity);
}

/** Escapes a double-quoted attribute value. */
export function escapeAttr(text: string): string {
  return wellFormed(text).replace(ATTR_SPECIAL, replaceEntity);
}

/**
 * The character data of an element that holds HTML. Only Html goes in: plain text becomes Html
 * through `htmlFromText` first, so a reader that decodes the element as HTML shows it as text.
 */
export function escapeHtmlContent(html: Html): string {
  return escapeText(html);
}

/** `<name attrs>HTML, escaped</name>`: for the elements that hold HTML (see escapeHtmlContent). */
export function htmlElement(
  name: string,
  html: Html,
  attrs: Readonly<Record<string, string | number | undefined>> = {},
): string {
  return `<${name}${attributes(attrs)}>${escapeHtmlContent(html)}</${name}>`;
}

/** `<name>escaped text</name>`, or '' when `text` is undefined: for the elements that hold plain text. */
export function element(name: string, text: string | number | undefined): string {
  if (text === undefined) return '';
  return `<${name}>${typeof text === 'number' ? text : escapeText(text)}</${name}>`;
}

/** ` a="1" b="2"` from the defined entries, in the order given. */
export function attributes(attrs: Readonly<Record<string, string | number | undefined>>): string {
  let out = '';
  for (const name in attrs) {
    const value = attrs[name];
    if (value !== undefined) out += ` ${name}="${typeof value === 'number' ? value : escapeAttr(value)}"`;
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
