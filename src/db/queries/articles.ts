// Article queries: live listings (newest first), counts, and lookups by slug.
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { Database } from '../database.ts';
import { type Article, articles, type MediaAsset, mediaAssets, type Section, sections } from '../schema.ts';
import { isLive } from './visibility.ts';

export interface ArticleWithSection {
  readonly article: Article;
  readonly section: Section;
  readonly image: MediaAsset | null;
}

export interface ListArticlesOptions {
  readonly now: Date;
  readonly limit: number;
  readonly offset?: number;
  readonly sectionId?: number;
}

const liveIn = (now: Date, sectionId: number | undefined): SQL =>
  (sectionId === undefined
    ? isLive(articles, now)
    : and(isLive(articles, now), eq(articles.sectionId, sectionId))) as SQL;

/** Live articles, newest first (ties broken by id so paging is stable). */
export async function listLiveArticles(
  db: Database,
  options: ListArticlesOptions,
): Promise<ArticleWithSection[]> {
  return db
    .select({ article: articles, section: sections, image: mediaAssets })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(mediaAssets, eq(mediaAssets.id, articles.imageAssetId))
    .where(liveIn(options.now, options.sectionId))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(options.limit)
    .offset(options.offset ?? 0);
}

export async function countLiveArticles(db: Database, now: Date, sectionId?: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(articles).where(liveIn(now, sectionId));
  return row?.n ?? 0;
}

export async function findArticleBySlug(db: Database, slug: string): Promise<ArticleWithSection | undefined> {
  const [row] = await db
    .select({ article: articles, section: sections, image: mediaAssets })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(mediaAssets, eq(mediaAssets.id, articles.imageAssetId))
    .where(eq(articles.slug, slug));
  return row;
}
