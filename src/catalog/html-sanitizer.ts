// createHtmlSanitizer: the allowlist every article body and show note passes before a feed or page shows it.
import sanitizeHtml from 'sanitize-html';
import { EMPTY_HTML, type Html, sanitizedHtml } from '../domain/html.ts';

/** The only source of Html made from markup an editor wrote. */
export type HtmlSanitizer = (html: string) => Html;

const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'a',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'small',
  'sub',
  'sup',
  'mark',
  'abbr',
  'cite',
  'q',
  'code',
  'pre',
  'kbd',
  'blockquote',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'figure',
  'figcaption',
  'img',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'caption',
  'time',
];

/**
 * sanitize-html (allowlist, runs the same on Node and Workers): no scripts, no event handlers, no
 * styles, only http(s)/mailto/tel links; relative links and images are made absolute under
 * `baseUrl`, since feed readers resolve them poorly. Results are memoised (bodies repeat across
 * feeds, pages and formats); the memo holds at most `cacheSize` entries.
 */
export function createHtmlSanitizer(options: { baseUrl: string; cacheSize?: number }): HtmlSanitizer {
  const cacheSize = options.cacheSize ?? 20_000;
  const memo = new Map<string, Html>();
  const absolute = (url: string) => {
    if (!url.startsWith('/') || url.startsWith('//')) return url;
    return `${options.baseUrl}${url}`;
  };
  const config: sanitizeHtml.IOptions = {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ['href', 'title', 'hreflang'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      abbr: ['title'],
      time: ['datetime'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan', 'scope'],
      ol: ['start', 'reversed'],
      blockquote: ['cite'],
      q: ['cite'],
    },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    transformTags: {
      a: (tagName, attribs) => ({
        tagName,
        attribs: attribs.href ? { ...attribs, href: absolute(attribs.href) } : attribs,
      }),
      img: (tagName, attribs) => ({
        tagName,
        attribs: attribs.src ? { ...attribs, src: absolute(attribs.src) } : attribs,
      }),
    },
  };
  return function sanitize(html: string): Html {
    if (html === '') return EMPTY_HTML;
    const cached = memo.get(html);
    if (cached !== undefined) return cached;
    const clean = sanitizedHtml(sanitizeHtml(html, config));
    if (memo.size >= cacheSize) memo.delete(memo.keys().next().value as string);
    memo.set(html, clean);
    return clean;
  };
}
