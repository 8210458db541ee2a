// Sitemap queries: every live article and episode, newest first, with only the columns a sitemap needs.
import { and, desc, eq, gte } from 'drizzle-orm';
import type { Database } from '../database.ts';
import { articles, episodes, shows } from '../schema.ts';
import { isLive } from './visibility.ts';

export async function liveArticleStamps(db: Database, now: Date, options: { limit: number; since?: Date }) {
  return db
    .select({
      slug: articles.slug,
      headline: articles.headline,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
    })
    .from(articles)
    .where(
      options.since
        ? and(isLive(articles, now), gte(articles.publishedAt, options.since))
        : isLive(articles, now),
    )
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(options.limit);
}

export async function liveEpisodeStamps(db: Database, now: Date, limit: number) {
  return db
    .select({ show: shows.slug, slug: episodes.slug, updatedAt: episodes.updatedAt })
    .from(episodes)
    .innerJoin(shows, eq(shows.id, episodes.showId))
    .where(isLive(episodes, now))
    .orderBy(desc(episodes.publishedAt), desc(episodes.id))
    .limit(limit);
}
