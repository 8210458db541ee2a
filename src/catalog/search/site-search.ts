// siteSearch: a page of search results as pages and the JSON API show them (links, highlighted snippets).
import type { Database } from '../../db/database.ts';
import { countLive, MARK_CLOSE, MARK_OPEN, type SearchHit, searchLive } from '../../db/queries/search.ts';
import type { SearchKind } from '../../db/schema.ts';
import { formatDuration } from '../../domain/duration.ts';
import { type Html, htmlFromMarkedText } from '../../domain/html.ts';
import { siteUrls } from '../site-urls.ts';
import { DEFAULT_SEARCH_LIMITS, planSearch, type SearchLimits, type SearchPlan } from './search-plan.ts';
import { parseSearchQuery } from './search-query.ts';

export const SEARCH_RESULTS_PER_PAGE = 20;

export interface SearchResult {
  readonly kind: SearchKind;
  /** The article's headline or the episode's title, its matched words marked. */
  readonly title: string;
  readonly titleHtml: Html;
  /** Where the result leads: for a transcript hit, the episode at the moment the words are spoken. */
  readonly url: string;
  /** Words around the match, as text, and as escaped HTML with `<mark>` around matched words. */
  readonly snippet: string;
  readonly snippetHtml: Html;
  readonly publishedAt: Date;
  /** The show, for an episode or transcript hit. */
  readonly show?: { readonly title: string; readonly url: string };
  /** For a timed transcript hit: where the words are spoken, in whole seconds, and as "13:27". */
  readonly startSeconds?: number;
  readonly startText?: string;
}

export interface SearchPage {
  readonly query: string;
  readonly terms: readonly string[];
  readonly notice?: string;
  readonly page: number;
  readonly pageSize: number;
  /** Live articles and episodes found; a floor when `totalIsExact` is false (see SearchLimits). */
  readonly total: number;
  readonly totalIsExact: boolean;
  readonly lastPage: number;
  readonly results: readonly SearchResult[];
  /** The URL of page `n` of these results (the HTML page; JSON adds `format=json`). */
  readonly pageUrl: (n: number, format?: 'json') => string;
}

export interface SearchContext {
  readonly db: Database;
  readonly baseUrl: string;
  readonly now: Date;
  /** Bounds on the work of one search (DEFAULT_SEARCH_LIMITS); tests lower them to reach every mode. */
  readonly limits?: Partial<SearchLimits>;
}

/** `text` with FTS5's marks turned into `<mark>` elements, everything else escaped. */
export const markedHtml = (text: string): Html => htmlFromMarkedText(text, MARK_OPEN, MARK_CLOSE);

const unmarked = (text: string) => text.replaceAll(MARK_OPEN, '').replaceAll(MARK_CLOSE, '');

/**
 * The results for `?q=` on page `page`, live content only. An empty query is an empty page (no
 * error); a page past the last is an empty page that still gives the total.
 */
export async function siteSearch(
  ctx: SearchContext,
  raw: string | undefined,
  page: number,
): Promise<SearchPage> {
  const query = parseSearchQuery(raw);
  const urls = siteUrls(ctx.baseUrl);
  const pageUrl = (n: number, format?: 'json') => {
    const params = new URLSearchParams({ q: query.text });
    if (n > 1) params.set('page', String(n));
    if (format) params.set('format', format);
    return `${ctx.baseUrl}/search?${params}`;
  };
  const base = {
    query: query.text,
    terms: query.terms,
    notice: query.notice,
    page,
    pageSize: SEARCH_RESULTS_PER_PAGE,
    pageUrl,
  };
  if (!query.match) return { ...base, total: 0, totalIsExact: true, lastPage: 1, results: [] };
  const limits = { ...DEFAULT_SEARCH_LIMITS, ...ctx.limits };
  const plan = await planSearch(ctx.db, query.terms, limits);
  const spec = {
    match: plan.match,
    mode: plan.mode,
    now: ctx.now,
    candidates: limits.candidates,
    window: limits.commonWordTexts,
  };
  const hits = await searchLive(ctx.db, spec, {
    limit: SEARCH_RESULTS_PER_PAGE,
    offset: (page - 1) * SEARCH_RESULTS_PER_PAGE,
  });
  const counted = hits[0]
    ? { total: Number(hits[0].total), candidates: Number(hits[0].candidates) }
    : page > 1
      ? await countLive(ctx.db, spec)
      : { total: 0, candidates: 0 };
  const { total } = counted;
  const results = hits.map((hit) => toResult(hit, markedTexts(hit.marked), urls));
  const notices = [query.notice, planNotice(plan)].filter(Boolean);
  return {
    ...base,
    terms: query.terms.filter((term) => !plan.leftOut.includes(term)),
    notice: notices.length > 0 ? notices.join(' ') : undefined,
    total,
    totalIsExact: plan.mode === 'ranked' && counted.candidates < limits.candidates,
    lastPage: Math.max(1, Math.ceil(total / SEARCH_RESULTS_PER_PAGE)),
    results,
  };
}

/** What the reader is told when the search was narrowed to stay fast. */
function planNotice(plan: SearchPlan): string | undefined {
  const quoted = (words: readonly string[]) => words.map((w) => `“${w}”`).join(', ');
  const leftOut =
    plan.leftOut.length > 0
      ? `Very common words were left out of the search: ${quoted(plan.leftOut)}.`
      : undefined;
  if (plan.mode === 'titles') {
    return [
      leftOut,
      'These words are in so many texts that only headlines and titles were searched: add words to narrow it.',
    ]
      .filter(Boolean)
      .join(' ');
  }
  if (plan.mode === 'newest') {
    return 'These words are very common, so these are the newest articles and episodes with them in the headline or title: add words to narrow it.';
  }
  return leftOut;
}

/** The [title, body] JSON that searchLive marks words in; empty texts if it is missing or not that shape. */
function markedTexts(json: string | null): { title: string; body: string } | undefined {
  const parsed: unknown = json === null ? undefined : JSON.parse(json);
  if (!Array.isArray(parsed)) return undefined;
  const [title, body] = parsed;
  return { title: typeof title === 'string' ? title : '', body: typeof body === 'string' ? body : '' };
}

function toResult(
  hit: SearchHit,
  snippet: { title: string; body: string } | undefined,
  urls: ReturnType<typeof siteUrls>,
): SearchResult {
  const body = snippet?.body ?? '';
  const text = { snippet: unmarked(body), snippetHtml: markedHtml(body) };
  if (hit.kind === 'article') {
    const title = snippet?.title || (hit.headline ?? '');
    return {
      kind: 'article',
      title: unmarked(title),
      titleHtml: markedHtml(title),
      url: urls.article(hit.articleSlug ?? ''),
      ...text,
      publishedAt: new Date(Number(hit.articlePublishedAt)),
    };
  }
  const showSlug = hit.showSlug ?? '';
  const episodeUrl = urls.episode(showSlug, hit.episodeSlug ?? '');
  // A transcript row's title is empty: the result is titled by its episode.
  const title = hit.kind === 'episode' && snippet?.title ? snippet.title : (hit.episodeTitle ?? '');
  // ?t= takes whole seconds from the cue's start: a word said at 13:27.6 links to ?t=807.
  const startSeconds = hit.startMs === null ? undefined : Math.floor(Number(hit.startMs) / 1000);
  return {
    kind: hit.kind,
    title: unmarked(title),
    titleHtml: markedHtml(title),
    url: startSeconds === undefined ? episodeUrl : `${episodeUrl}?t=${startSeconds}`,
    ...text,
    publishedAt: new Date(Number(hit.episodePublishedAt)),
    show: { title: hit.showTitle ?? '', url: urls.show(showSlug) },
    ...(startSeconds === undefined ? {} : { startSeconds, startText: formatDuration(startSeconds) }),
  };
}
