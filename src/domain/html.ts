// Html: the strings that are HTML (sanitised markup, or text escaped for HTML), kept apart from plain text by type.

declare const HTML: unique symbol;

/**
 * A string that is HTML: what the sanitiser returned, or plain text escaped by `htmlFromText`. A
 * plain `string` does not type-check as Html, so text reaches an element that holds HTML (RSS
 * `description` and `content:encoded`, Atom `type="html"`, JSON Feed `content_html`, OPML `text`,
 * a page's body) only escaped or sanitised. The audit of which elements hold HTML is in the README
 * (Feeds: what is HTML and what is text).
 */
export type Html = string & { readonly [HTML]: true };

export const EMPTY_HTML = '' as Html;

const HTML_SPECIAL = /[&<>]/g;
const HTML_ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Plain text as HTML that shows exactly that text. Escaping `&`, `<` and `>` is what text content
 * needs (HTML "escaping a string", not in attribute mode); quotes stay as they are. One regex, so no
 * library: the XML escaper next door does the rest.
 */
export function htmlFromText(text: string): Html {
  return text.replace(HTML_SPECIAL, (c) => HTML_ENTITY[c] ?? c) as Html;
}

/**
 * Plain text in which the characters `open` and `close` mark spans to highlight (FTS5's snippet and
 * highlight take such marks), as HTML: the text escaped, each balanced span a `<mark>` element. A
 * stray mark is dropped and an unclosed span closed, so the markup is always well formed. The marks
 * must be characters the text cannot contain (the search index strips control characters).
 */
export function htmlFromMarkedText(text: string, open: string, close: string): Html {
  let inside = false;
  let out = '';
  let plain = '';
  const flush = () => {
    out += htmlFromText(plain);
    plain = '';
  };
  for (const char of text) {
    if (char !== open && char !== close) {
      plain += char;
      continue;
    }
    flush();
    if (char === open && !inside) {
      out += '<mark>';
      inside = true;
    } else if (char === close && inside) {
      out += '</mark>';
      inside = false;
    }
  }
  flush();
  return (inside ? `${out}</mark>` : out) as Html;
}

/** Marks the sanitiser's output as Html. Only an HTML sanitiser may call it. */
export function sanitizedHtml(markup: string): Html {
  return markup as Html;
}
