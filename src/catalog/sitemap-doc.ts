// The site's sitemaps: every public page (sitemaps.org), and the articles of the last two days (Google News).

import type { Database } from '../db/database.ts';
import { listSections } from '../db/queries/sections.ts';
import { listShows } from '../db/queries/shows.ts';
import { liveArticleStamps, liveEpisodeStamps } from '../db/queries/sitemap.ts';
import type { NewsSitemapEntry, SitemapEntry } from '../feeds/sitemap.ts';
import { siteUrls } from './site-urls.ts';

/** One sitemap file holds at most 50,000 URLs (sitemaps.org): the newest are listed. */
export const SITEMAP_MAX_URLS = 50_000;
/** Google News reads articles published in the last two days, at most 1,000. */
export const NEWS_SITEMAP_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;
export const NEWS_SITEMAP_MAX_URLS = 1000;

export async function buildSitemap(db: Database, baseUrl: string, now: Date): Promise<SitemapEntry[]> {
  const urls = siteUrls(baseUrl);
  const [sections, shows, articles, episodes] = await Promise.all([
    listSections(db),
    listShows(db),
    liveArticleStamps(db, now, { limit: SITEMAP_MAX_URLS }),
    liveEpisodeStamps(db, now, SITEMAP_MAX_URLS),
  ]);
  const entries: SitemapEntry[] = [
    { url: urls.home(), lastModified: articles[0]?.publishedAt ?? undefined },
    ...sections.map((s) => ({ url: urls.section(s.slug), lastModified: s.updatedAt })),
    { url: urls.podcasts() },
    ...shows.map(({ show }) => ({ url: urls.show(show.slug), lastModified: show.updatedAt })),
    ...articles.map((a) => ({ url: urls.article(a.slug), lastModified: a.updatedAt })),
    ...episodes.map((e) => ({ url: urls.episode(e.show, e.slug), lastModified: e.updatedAt })),
  ];
  return entries.slice(0, SITEMAP_MAX_URLS);
}

export async function buildNewsSitemap(
  db: Database,
  baseUrl: string,
  now: Date,
): Promise<NewsSitemapEntry[]> {
  const urls = siteUrls(baseUrl);
  const since = new Date(now.getTime() - NEWS_SITEMAP_WINDOW_MS);
  const articles = await liveArticleStamps(db, now, { limit: NEWS_SITEMAP_MAX_URLS, since });
  return articles.map((a) => ({
    url: urls.article(a.slug),
    title: a.headline,
    published: a.publishedAt as Date,
  }));
}
