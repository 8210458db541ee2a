// The ordered pairing of articles and episodes: set an article's episodes, read them back in order.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { ConflictError, ValidationError } from '../../errors.ts';
import type { Database } from '../database.ts';
import {
  articleEpisodes,
  articles,
  type Episode,
  episodes,
  type MediaAsset,
  mediaAssets,
  type Show,
  shows,
} from '../schema.ts';
import { isLive } from './visibility.ts';

/**
 * Makes `episodeIds` the article's episodes, in that order (position 0 first). One atomic batch,
 * with the statements in `first` (the article's own update) before any insert: readers see the old
 * pairing or the new one.
 */
export async function setArticleEpisodes(
  db: Database,
  articleId: number,
  episodeIds: readonly number[],
  ...first: BatchItem<'sqlite'>[]
) {
  if (new Set(episodeIds).size !== episodeIds.length) {
    throw new ValidationError('an episode can be paired with an article only once', {
      context: { articleId, episodeIds: episodeIds.map(String) },
    });
  }
  const clear = db.delete(articleEpisodes).where(eq(articleEpisodes.articleId, articleId));
  if (episodeIds.length === 0) {
    await db.batch([clear, ...first]);
    return;
  }
  // D1 binds at most 100 parameters per statement: insert in chunks, all in the one atomic batch.
  const rows = episodeIds.map((episodeId, position) => ({ articleId, episodeId, position }));
  const inserts = chunks(rows, 30).map((part) => db.insert(articleEpisodes).values(part));
  try {
    await db.batch([clear, ...first, ...inserts]);
  } catch (cause) {
    if (!/FOREIGN KEY constraint failed/i.test(errorText(cause))) throw cause;
    throw new ConflictError('the article or one of the episodes does not exist', {
      cause,
      context: { articleId, episodeIds: episodeIds.map(String) },
    });
  }
}

function errorText(error: unknown): string {
  const parts: string[] = [];
  for (let e = error, depth = 0; e instanceof Error && depth < 5; depth++, e = e.cause) parts.push(e.message);
  return parts.join(' ');
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface PairedEpisode {
  readonly articleId: number;
  readonly position: number;
  readonly episode: Episode;
  readonly audio: MediaAsset;
  /** The show's access: a subscribers-only show's audio goes in no public feed or page. */
  readonly access: Show['access'];
}

/**
 * The live episodes of each article, grouped by article id and in pairing order. Drafts, future
 * episodes and episodes without audio are left out.
 */
export async function liveEpisodesOfArticles(
  db: Database,
  articleIds: readonly number[],
  now: Date,
): Promise<Map<number, PairedEpisode[]>> {
  const byArticle = new Map<number, PairedEpisode[]>();
  if (articleIds.length === 0) return byArticle;
  const rows = await db
    .select({
      articleId: articleEpisodes.articleId,
      position: articleEpisodes.position,
      episode: episodes,
      audio: mediaAssets,
      access: shows.access,
    })
    .from(articleEpisodes)
    .innerJoin(episodes, eq(episodes.id, articleEpisodes.episodeId))
    .innerJoin(mediaAssets, eq(mediaAssets.id, episodes.audioAssetId))
    .innerJoin(shows, eq(shows.id, episodes.showId))
    .where(and(inArray(articleEpisodes.articleId, [...articleIds]), isLive(episodes, now)))
    .orderBy(asc(articleEpisodes.articleId), asc(articleEpisodes.position));
  for (const row of rows) {
    const list = byArticle.get(row.articleId) ?? [];
    list.push(row);
    byArticle.set(row.articleId, list);
  }
  return byArticle;
}

/**
 * The artwork and chapters files of an article's episodes, by asset id: one statement, which needs
 * no ids first, so it runs beside liveEpisodesOfArticles (a player shows both, as on episode pages).
 */
export async function episodeExtrasOfArticle(
  db: Database,
  articleId: number,
): Promise<Map<number, MediaAsset>> {
  const referenced = (column: SQLiteColumn) =>
    db
      .select({ id: sql<number>`coalesce(${column}, -1)` })
      .from(articleEpisodes)
      .innerJoin(episodes, eq(episodes.id, articleEpisodes.episodeId))
      .where(eq(articleEpisodes.articleId, articleId));
  const ids = referenced(episodes.imageAssetId).union(referenced(episodes.chaptersAssetId));
  const rows = await db.select().from(mediaAssets).where(inArray(mediaAssets.id, ids));
  return new Map(rows.map((asset) => [asset.id, asset]));
}

/** The live articles that carry an episode, newest first. */
export async function liveArticlesOfEpisode(
  db: Database,
  episodeId: number,
  now: Date,
): Promise<{ slug: string; headline: string; publishedAt: Date | null }[]> {
  return db
    .select({ slug: articles.slug, headline: articles.headline, publishedAt: articles.publishedAt })
    .from(articleEpisodes)
    .innerJoin(articles, eq(articles.id, articleEpisodes.articleId))
    .where(and(eq(articleEpisodes.episodeId, episodeId), isLive(articles, now)))
    .orderBy(desc(articles.publishedAt), desc(articles.id));
}
