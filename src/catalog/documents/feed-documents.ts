// The feeds podwire renders when the catalogue changes: their keys, and how each is made (shared with the routes).

import type { Database } from '../../db/database.ts';
import type { AppConfig } from '../../deps.ts';
import { renderAtom } from '../../feeds/atom.ts';
import { renderJsonFeed } from '../../feeds/json-feed.ts';
import { renderNewsRss } from '../../feeds/news-rss.ts';
import { renderPodcastRss } from '../../feeds/podcast-rss.ts';
import type { HtmlSanitizer } from '../html-sanitizer.ts';
import { buildNewsFeed } from '../news-feed.ts';
import { buildPodcastFeed, findNewFeedUrl } from '../podcast-feed.ts';
import type { NewsFeedFormat } from '../site-urls.ts';

export const GENERATOR = 'podwire';

/** Feeds change when the newsroom publishes; five minutes keeps apps current and caches useful. */
export const FEED_CACHE = 'public, max-age=300';
/** A moved feed's 301 may be cached for a day. */
export const MOVED_FEED_CACHE = 'public, max-age=86400';

export const NEWS_CONTENT_TYPES: Readonly<Record<NewsFeedFormat, string>> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};
export const NEWS_FORMATS: readonly NewsFeedFormat[] = ['rss', 'atom', 'json'];
const PODCAST_CONTENT_TYPE = 'application/rss+xml; charset=utf-8';
const RENDER_NEWS = { rss: renderNewsRss, atom: renderAtom, json: renderJsonFeed } as const;

/** A feed as a document: which one, parsed from or made into its key. */
export type FeedDocument =
  | { readonly kind: 'podcast'; readonly show: string }
  | {
      readonly kind: 'news';
      readonly section?: string;
      readonly format: NewsFeedFormat;
      readonly page: number;
    };

export const podcastKey = (show: string) => `podcast\n${show}`;
export const newsKey = (format: NewsFeedFormat, section: string | undefined, page: number) =>
  `news\n${section ?? ''}\n${format}\n${page}`;

export function documentKey(doc: FeedDocument): string {
  return doc.kind === 'podcast' ? podcastKey(doc.show) : newsKey(doc.format, doc.section, doc.page);
}

/** The document a key names, or undefined for keys of other kinds. */
export function parseDocumentKey(key: string): FeedDocument | undefined {
  const parts = key.split('\n');
  if (parts[0] === 'podcast' && parts.length === 2) return { kind: 'podcast', show: parts[1] as string };
  if (parts[0] === 'news' && parts.length === 4 && NEWS_FORMATS.includes(parts[2] as NewsFeedFormat)) {
    return {
      kind: 'news',
      ...(parts[1] ? { section: parts[1] } : {}),
      format: parts[2] as NewsFeedFormat,
      page: Number(parts[3]),
    };
  }
  return undefined;
}

export interface FeedRenderContext {
  readonly db: Database;
  readonly config: AppConfig;
  readonly sanitize: HtmlSanitizer;
  readonly now: Date;
}

export interface RenderedFeed {
  readonly body: string;
  readonly status: 200 | 301;
  readonly contentType: string;
  readonly cacheControl: string;
  /** Location for a moved feed. */
  readonly headers: Readonly<Record<string, string>>;
}

/** Renders the feed as it stands now. Throws NotFoundError for an unknown show, section or page. */
export async function renderFeedDocument(ctx: FeedRenderContext, doc: FeedDocument): Promise<RenderedFeed> {
  const { db, config, sanitize, now } = ctx;
  if (doc.kind === 'podcast') {
    const [feed, newFeedUrl] = await Promise.all([
      buildPodcastFeed({ db, baseUrl: config.baseUrl, sanitize, now, generator: GENERATOR }, doc.show),
      findNewFeedUrl(db, doc.show),
    ]);
    const body = renderPodcastRss({
      ...feed,
      hubs: config.websubHubs,
      usesPodping: config.podpingToken !== undefined,
    });
    // A show moved to another feed URL: 301 there (the body still carries itunes:new-feed-url).
    return newFeedUrl
      ? {
          body,
          status: 301,
          contentType: PODCAST_CONTENT_TYPE,
          cacheControl: MOVED_FEED_CACHE,
          headers: { location: newFeedUrl },
        }
      : { body, status: 200, contentType: PODCAST_CONTENT_TYPE, cacheControl: FEED_CACHE, headers: {} };
  }
  const feed = await buildNewsFeed(
    {
      db,
      baseUrl: config.baseUrl,
      siteTitle: config.siteTitle,
      siteDescription: config.siteDescription,
      language: config.siteLanguage,
      sanitize,
      now,
      generator: GENERATOR,
    },
    { format: doc.format, sectionSlug: doc.section, page: doc.page, pageSize: config.feedPageSize },
  );
  return {
    body: RENDER_NEWS[doc.format]({ ...feed, hubs: config.websubHubs }),
    status: 200,
    contentType: NEWS_CONTENT_TYPES[doc.format],
    cacheControl: FEED_CACHE,
    headers: {},
  };
}
