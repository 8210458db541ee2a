// Plain text for the search index: HTML reduced to the words a reader sees, with no control characters.
import { Parser } from 'htmlparser2';

/** Elements whose content is not read as text on a page. */
const SILENT = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'math']);

/** Elements that end a line of text, so words either side of them never run together. */
const BREAKING = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);

/**
 * Whitespace runs become one space; C0/C1 control characters go (the snippet markers are control
 * characters, so text can never forge a highlight), and so do lone surrogates.
 */
export function cleanText(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/**
 * The text of an HTML fragment as a reader sees it: tags dropped, entities decoded, block elements
 * separated by a space. htmlparser2 is the tokenizer sanitize-html uses, so the index reads markup
 * the way the page's sanitiser does (scripts and styles are not text).
 */
export function plainTextOfHtml(html: string): string {
  const parts: string[] = [];
  let silent = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (SILENT.has(name)) silent++;
        if (BREAKING.has(name)) parts.push(' ');
      },
      onclosetag(name) {
        if (SILENT.has(name)) silent = Math.max(0, silent - 1);
        if (BREAKING.has(name)) parts.push(' ');
      },
      ontext(text) {
        if (silent === 0) parts.push(text);
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return cleanText(parts.join(''));
}
