// Article editing: create, edit (a renamed slug redirects), delete (its URL answers 410), publish, pair episodes.
import { asc, count, desc, eq, inArray } from 'drizzle-orm';
import { setArticleEpisodes } from '../../db/queries/pairing.ts';
import {
  type Article,
  articleEpisodes,
  articles,
  episodes,
  type MediaAsset,
  mediaAssets,
} from '../../db/schema.ts';
import type { Author } from '../../domain/vocabulary.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import { guarded, translateConstraintError } from './constraint-errors.ts';
import type { EditorContext } from './context.ts';
import { DRAFT, publicationFor } from './publication.ts';
import { goneStatements, redirectStatements } from './routing-records.ts';

export interface ArticleFields {
  slug: string;
  headline: string;
  standfirst: string;
  bodyHtml: string;
  authors: Author[];
  sectionId: number;
  tags: string[];
  imageAlt: string;
}

export interface ArticleRecord {
  readonly article: Article;
  readonly image: MediaAsset | null;
  readonly episodeIds: number[];
}

const articlePath = (slug: string) => `/articles/${slug}`;

export async function getArticle(ctx: EditorContext, id: number): Promise<ArticleRecord> {
  const [row] = await ctx.db
    .select({ article: articles, image: mediaAssets })
    .from(articles)
    .leftJoin(mediaAssets, eq(mediaAssets.id, articles.imageAssetId))
    .where(eq(articles.id, id));
  if (!row) throw new NotFoundError(`there is no article ${id}`);
  const pairs = await ctx.db
    .select({ episodeId: articleEpisodes.episodeId })
    .from(articleEpisodes)
    .where(eq(articleEpisodes.articleId, id))
    .orderBy(asc(articleEpisodes.position));
  return { ...row, episodeIds: pairs.map((p) => p.episodeId) };
}

/** Newest first; drafts and scheduled articles only for the admin. */
export async function listArticles(
  ctx: EditorContext,
  options: { admin: boolean; page: number; pageSize: number },
) {
  const where = options.admin ? undefined : inArray(articles.status, ['published']);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({ id: articles.id })
      .from(articles)
      .where(where)
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    ctx.db.select({ n: count() }).from(articles).where(where),
  ]);
  return { ids: rows.map((r) => r.id), total: total?.n ?? 0 };
}

export async function createArticle(ctx: EditorContext, fields: ArticleFields): Promise<ArticleRecord> {
  const [row] = await guarded(() =>
    ctx.db
      .insert(articles)
      .values({
        ...fields,
        guid: `urn:uuid:${crypto.randomUUID()}`,
        status: 'draft',
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: articles.id }),
  );
  return getArticle(ctx, row?.id as number);
}

export async function updateArticle(ctx: EditorContext, id: number, patch: Partial<ArticleFields>) {
  const before = await getArticle(ctx, id);
  const renamed = patch.slug !== undefined && patch.slug !== before.article.slug;
  const update = ctx.db
    .update(articles)
    .set({ ...patch, updatedAt: ctx.now })
    .where(eq(articles.id, id));
  const moves = renamed
    ? redirectStatements(ctx.db, articlePath(before.article.slug), articlePath(patch.slug as string), ctx.now)
    : [];
  try {
    await ctx.db.batch([update, ...moves]);
  } catch (error) {
    throw translateConstraintError(error);
  }
  return getArticle(ctx, id);
}

export async function deleteArticle(ctx: EditorContext, id: number): Promise<void> {
  const { article } = await getArticle(ctx, id);
  const gone = article.status === 'draft' ? [] : goneStatements(ctx.db, [articlePath(article.slug)], ctx.now);
  await ctx.db.batch([ctx.db.delete(articles).where(eq(articles.id, id)), ...gone]);
}

export async function publishArticle(ctx: EditorContext, id: number, at: Date | undefined) {
  await getArticle(ctx, id);
  await ctx.db
    .update(articles)
    .set({ ...publicationFor(at, ctx.now), updatedAt: ctx.now })
    .where(eq(articles.id, id));
  return getArticle(ctx, id);
}

export async function unpublishArticle(ctx: EditorContext, id: number) {
  await getArticle(ctx, id);
  await ctx.db
    .update(articles)
    .set({ ...DRAFT, updatedAt: ctx.now })
    .where(eq(articles.id, id));
  return getArticle(ctx, id);
}

/** Pairs the episodes in order (and marks the article updated, so its feeds change). */
export async function pairEpisodes(ctx: EditorContext, id: number, episodeIds: readonly number[]) {
  await getArticle(ctx, id);
  if (episodeIds.length > 0) {
    const found = await ctx.db
      .select({ id: episodes.id })
      .from(episodes)
      .where(inArray(episodes.id, [...episodeIds]));
    const missing = episodeIds.filter((e) => !found.some((f) => f.id === e));
    if (missing.length > 0) throw new ValidationError(`no episode with id ${missing.join(', ')}`);
  }
  await setArticleEpisodes(ctx.db, id, episodeIds);
  await ctx.db.update(articles).set({ updatedAt: ctx.now }).where(eq(articles.id, id));
  return getArticle(ctx, id);
}
