// loadFrontPage: the newest live articles with their sections and paired episodes, as a view model.

import type { Database } from '../db/database.ts';
import { countLiveArticles, listLiveArticles } from '../db/queries/articles.ts';
import { liveEpisodesOfArticles } from '../db/queries/pairing.ts';
import { listShows } from '../db/queries/shows.ts';
import { formatDuration } from '../domain/duration.ts';
import { siteUrls } from './site-urls.ts';

export interface FrontPageEpisode {
  readonly guid: string;
  readonly title: string;
  readonly durationSeconds: number;
  readonly durationText: string;
  readonly mimeType: string;
  readonly sizeBytes: number;
  readonly mediaKey: string;
}

export interface FrontPageArticle {
  readonly slug: string;
  readonly headline: string;
  readonly standfirst: string;
  readonly publishedAt: Date;
  readonly section: { readonly slug: string; readonly name: string };
  readonly episodes: readonly FrontPageEpisode[];
}

export interface FeedLink {
  readonly title: string;
  readonly type: string;
  readonly href: string;
}

export interface FrontPage {
  readonly articles: readonly FrontPageArticle[];
  /** Every feed the site offers, for autodiscovery links and the visible feed list. */
  readonly feeds: readonly FeedLink[];
  readonly opmlUrl: string;
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

export async function loadFrontPage(
  db: Database,
  options: { now: Date; page: number; pageSize: number; baseUrl: string; siteTitle: string },
): Promise<FrontPage> {
  const { now, page, pageSize } = options;
  const urls = siteUrls(options.baseUrl);
  const [rows, total, shows] = await Promise.all([
    listLiveArticles(db, { now, limit: pageSize, offset: (page - 1) * pageSize }),
    countLiveArticles(db, now),
    listShows(db),
  ]);
  const paired = await liveEpisodesOfArticles(
    db,
    rows.map((r) => r.article.id),
    now,
  );
  return {
    feeds: [
      { title: `${options.siteTitle} (RSS)`, type: 'application/rss+xml', href: urls.newsFeed('rss') },
      { title: `${options.siteTitle} (Atom)`, type: 'application/atom+xml', href: urls.newsFeed('atom') },
      {
        title: `${options.siteTitle} (JSON Feed)`,
        type: 'application/feed+json',
        href: urls.newsFeed('json'),
      },
      ...shows.map(({ show }) => ({
        title: `${show.title} (podcast)`,
        type: 'application/rss+xml',
        href: urls.podcastFeed(show.slug),
      })),
    ],
    opmlUrl: urls.opml(),
    total,
    page,
    pageSize,
    articles: rows.map(({ article, section }) => ({
      slug: article.slug,
      headline: article.headline,
      standfirst: article.standfirst,
      // Live articles always have a publication time (the schema's CHECK).
      publishedAt: article.publishedAt as Date,
      section: { slug: section.slug, name: section.name },
      episodes: (paired.get(article.id) ?? []).map(({ episode, audio }) => ({
        guid: episode.guid,
        title: episode.title,
        durationSeconds: audio.durationSeconds ?? 0,
        durationText: formatDuration(audio.durationSeconds ?? 0),
        mimeType: audio.mimeType,
        sizeBytes: audio.sizeBytes,
        mediaKey: audio.key,
      })),
    })),
  };
}
