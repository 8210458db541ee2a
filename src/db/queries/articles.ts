// Article queries: live listings (newest first) and lookups by slug.
import { and, count, desc, eq } from 'drizzle-orm';
import type { Database } from '../database.ts';
import { type Article, articles, type Section, sections } from '../schema.ts';
import { isLive } from './visibility.ts';

export interface ArticleWithSection {
  readonly article: Article;
  readonly section: Section;
}

export interface ListArticlesOptions {
  readonly now: Date;
  readonly limit: number;
  readonly offset?: number;
  readonly sectionId?: number;
}

/** Live articles, newest first (ties broken by id so paging is stable). */
export async function listLiveArticles(
  db: Database,
  options: ListArticlesOptions,
): Promise<ArticleWithSection[]> {
  const where =
    options.sectionId === undefined
      ? isLive(articles, options.now)
      : and(isLive(articles, options.now), eq(articles.sectionId, options.sectionId));
  return db
    .select({ article: articles, section: sections })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(where)
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(options.limit)
    .offset(options.offset ?? 0);
}

export async function countLiveArticles(db: Database, now: Date): Promise<number> {
  const [row] = await db.select({ n: count() }).from(articles).where(isLive(articles, now));
  return row?.n ?? 0;
}

export async function findArticleBySlug(db: Database, slug: string): Promise<ArticleWithSection | undefined> {
  const [row] = await db
    .select({ article: articles, section: sections })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(eq(articles.slug, slug));
  return row;
}
