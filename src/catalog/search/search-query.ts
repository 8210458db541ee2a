// A reader's search words as an FTS5 query: every word quoted, so no input is ever FTS5 syntax.
import { cleanText } from './plain-text.ts';

/** Longest query read, in characters; the rest is dropped and the page says so. */
export const MAX_QUERY_CHARS = 200;
/** Most words matched; a longer query keeps its first ones. */
export const MAX_QUERY_TERMS = 12;

export interface SearchQuery {
  /** The query as kept (cleaned, shortened): what the search box shows again. */
  readonly text: string;
  /** The words searched for, in order, without repeats. */
  readonly terms: readonly string[];
  /** The FTS5 MATCH expression, or undefined when there is nothing to search for. */
  readonly match: string | undefined;
  /** Why the query was shortened, for the reader; undefined when it was used whole. */
  readonly notice: string | undefined;
}

/**
 * Words are what FTS5's unicode61 tokenizer keeps: runs of letters, digits and combining marks.
 * Everything else (quotes, `*`, `(`, `:`, `^`, `-`) separates words, exactly as it does when the
 * text is indexed, so "tide-mill" finds "tide mill" and punctuation never reaches the parser.
 */
const WORD = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;

/**
 * The FTS5 expression that asks for every one of `terms` (as parseSearchQuery keeps them): each a
 * string, with FTS5's implicit AND between them. Terms hold no `"` (WORD excludes it), so wrapping
 * each in quotes needs no escaping.
 */
export const matchOf = (terms: readonly string[]) => terms.map((t) => `"${t}"`).join(' ');

/**
 * Reads `?q=`. Each word becomes an FTS5 string (`"word"`, https://sqlite.org/fts5.html#fts5_strings),
 * so `NEAR`, `OR`, `AND`, `NOT` and column filters are matched as the words they are, and the
 * implicit AND between strings asks for every word. Never throws.
 */
export function parseSearchQuery(raw: string | undefined): SearchQuery {
  const cleaned = cleanText(raw ?? '');
  const chars = [...cleaned];
  const long = chars.length > MAX_QUERY_CHARS;
  const text = long ? chars.slice(0, MAX_QUERY_CHARS).join('').trim() : cleaned;
  const words = [...new Set((text.match(WORD) ?? []).map((w) => w.toLowerCase()))];
  const terms = words.slice(0, MAX_QUERY_TERMS);
  const notices = [
    long ? `Your search was shortened to its first ${MAX_QUERY_CHARS} characters.` : '',
    words.length > MAX_QUERY_TERMS ? `Only the first ${MAX_QUERY_TERMS} words were searched for.` : '',
  ].filter(Boolean);
  return {
    text,
    terms,
    match: terms.length > 0 ? matchOf(terms) : undefined,
    notice: notices.length > 0 ? notices.join(' ') : undefined,
  };
}
