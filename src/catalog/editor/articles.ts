// Article editing: create, edit (a renamed slug redirects), delete (its URL answers 410), publish, pair episodes.
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { setArticleEpisodes } from '../../db/queries/pairing.ts';
import { isLive, isLiveRecord } from '../../db/queries/visibility.ts';
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
import { auditStatements } from '../accounts/audit.ts';
import { releaseAssetStatements } from '../media-journal.ts';
import { articleSearchStatements, touchesWords } from '../search/search-index.ts';
import { siteUrls } from '../site-urls.ts';
import { attachFile, type FileSource } from './attach-file.ts';
import { guarded, translateConstraintError } from './constraint-errors.ts';
import type { EditorContext } from './context.ts';
import { freshWriteGuard, lostRace, STALE, writeFromFreshRead } from './fresh-write.ts';
import { creatorOf, guardedVersion, requireOwnDraft, requirePublisher } from './permissions.ts';
import { DRAFT, publicationFor } from './publication.ts';
import { expectedVersion, touched, type WriteCondition } from './record-version.ts';
import { goneStatements, redirectStatements } from './routing-records.ts';
import { stillPointsAt, type UploadContext } from './uploads.ts';
import { articleView } from './views.ts';

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

const articlePath = (slug: string) => siteUrls('').article(slug);

/** The article's API view, whose digest is its ETag. */
export const articleViewOf = (ctx: EditorContext, r: ArticleRecord) =>
  articleView(ctx.baseUrl, r.article, r.image, r.episodeIds);

/**
 * Reads the article and checks the request's If-Match: the version a guarded write expects. A
 * contributor may write only their own draft (publishing is checked before this).
 */
async function articleForWrite(ctx: EditorContext, id: number, condition?: WriteCondition) {
  const record = await getArticle(ctx, id);
  requireOwnDraft(ctx, record.article, `article ${id}`);
  const asked = await expectedVersion(condition, articleViewOf(ctx, record), record.article.version);
  return { record, expected: guardedVersion(ctx, asked, record.article.version) };
}

/** Marks the article changed (time, version), refusing the batch if If-Match no longer holds. */
function touchArticle(ctx: EditorContext, id: number, expected: number | undefined): BatchItem<'sqlite'> {
  return ctx.db
    .update(articles)
    .set(touched(articles, ctx.now, expected))
    .where(eq(articles.id, id));
}

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

/** Whether the public may see the article now (the one visibility rule, db/queries/visibility.ts). */
export const isLiveArticle = (r: ArticleRecord, now: Date) => isLiveRecord(r.article, now);

/** Newest first; drafts and articles scheduled for later only for the admin. */
export async function listArticles(
  ctx: EditorContext,
  options: { admin: boolean; page: number; pageSize: number },
) {
  const where = options.admin ? undefined : isLive(articles, ctx.now);
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

/** Audit trail entries for the article (see auditStatements). */
const audit = (ctx: EditorContext, id: number | ReturnType<typeof sql>, action: string, summary = '') =>
  auditStatements(ctx, { entity: 'article', entityId: id, action, summary });

/** A new draft, created by the actor (contributors may create drafts). */
export async function createArticle(ctx: EditorContext, fields: ArticleFields): Promise<ArticleRecord> {
  const guid = `urn:uuid:${crypto.randomUUID()}`;
  const [rows] = await guarded(() =>
    ctx.db.batch([
      ctx.db
        .insert(articles)
        .values({
          ...fields,
          guid,
          status: 'draft',
          createdBy: creatorOf(ctx),
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .returning({ id: articles.id }),
      ...articleSearchStatements(ctx.db, sql<number>`(SELECT id FROM articles WHERE guid = ${guid})`, fields),
      ...audit(ctx, sql`(SELECT id FROM articles WHERE guid = ${guid})`, 'create', fields.headline),
    ]),
  );
  return getArticle(ctx, rows[0]?.id as number);
}

export async function updateArticle(
  ctx: EditorContext,
  id: number,
  patch: Partial<ArticleFields>,
  condition?: WriteCondition,
) {
  const words = touchesWords(patch, ['headline', 'standfirst', 'bodyHtml']);
  return writeFromFreshRead(async () => {
    const { record: before, expected } = await articleForWrite(ctx, id, condition);
    // The search text is the patch over what was read: the update is guarded on that version, so
    // the row and its search text are written together or not at all (then read again and retried).
    const guard = freshWriteGuard(expected, before.article.version, words);
    const renamed = patch.slug !== undefined && patch.slug !== before.article.slug;
    const update = ctx.db
      .update(articles)
      .set({ ...patch, ...touched(articles, ctx.now, guard.version) })
      .where(eq(articles.id, id));
    const moves = renamed
      ? redirectStatements(
          ctx.db,
          articlePath(before.article.slug),
          articlePath(patch.slug as string),
          ctx.now,
        )
      : [];
    const search = words ? articleSearchStatements(ctx.db, id, { ...before.article, ...patch }) : [];
    try {
      await ctx.db.batch([update, ...moves, ...search, ...audit(ctx, id, 'update', changedFields(patch))]);
    } catch (error) {
      if (lostRace(guard, error)) return STALE;
      throw translateConstraintError(error);
    }
    return getArticle(ctx, id);
  });
}

/** The public paths that answer 410 Gone once the article is deleted (none for a draft, never public). */
export function articleGonePaths(record: ArticleRecord): string[] {
  return record.article.status === 'draft' ? [] : [articlePath(record.article.slug)];
}

/** "headline, tags changed": the audit line for a patch. */
export const changedFields = (patch: object) => `${Object.keys(patch).join(', ') || 'nothing'} changed`;

export async function deleteArticle(
  ctx: EditorContext,
  id: number,
  condition?: WriteCondition,
): Promise<void> {
  const { record, expected } = await articleForWrite(ctx, id, condition);
  const gone = goneStatements(ctx.db, articleGonePaths(record), ctx.now);
  await guarded(() =>
    ctx.db.batch([
      touchArticle(ctx, id, expected),
      ctx.db.delete(articles).where(eq(articles.id, id)),
      ...gone,
      // Its image goes too, unless another record uses it (the timer's sweep removes the file).
      ...(record.image ? releaseAssetStatements(ctx.db, record.image, ctx.now) : []),
      ...audit(ctx, id, 'delete', record.article.headline),
    ]),
  );
}

export async function publishArticle(
  ctx: EditorContext,
  id: number,
  at: Date | undefined,
  condition?: WriteCondition,
) {
  requirePublisher(ctx);
  const { expected } = await articleForWrite(ctx, id, condition);
  const publication = publicationFor(at, ctx.now);
  await guarded(() =>
    ctx.db.batch([
      ctx.db
        .update(articles)
        .set({ ...publication, ...touched(articles, ctx.now, expected) })
        .where(eq(articles.id, id)),
      ...audit(
        ctx,
        id,
        publication.status === 'scheduled' ? 'schedule' : 'publish',
        publication.publishedAt?.toISOString(),
      ),
    ]),
  );
  return getArticle(ctx, id);
}

export async function unpublishArticle(ctx: EditorContext, id: number, condition?: WriteCondition) {
  requirePublisher(ctx);
  const { expected } = await articleForWrite(ctx, id, condition);
  await guarded(() =>
    ctx.db.batch([
      ctx.db
        .update(articles)
        .set({ ...DRAFT, ...touched(articles, ctx.now, expected) })
        .where(eq(articles.id, id)),
      ...audit(ctx, id, 'unpublish'),
    ]),
  );
  return getArticle(ctx, id);
}

/** Stores `upload` as the article's image (JPEG, PNG or WebP); a replaced image's URL redirects to the new one. */
export async function attachArticleImage(
  ctx: UploadContext,
  id: number,
  source: FileSource,
  condition?: WriteCondition,
): Promise<ArticleRecord> {
  const { record: before, expected } = await articleForWrite(ctx, id, condition);
  await attachFile(ctx, source, 'image', `articles/${before.article.slug}`, before.image, {
    point: (assetId) => [
      ctx.db
        .update(articles)
        .set({ imageAssetId: assetId, ...touched(articles, ctx.now, expected) })
        .where(and(eq(articles.id, id), stillPointsAt(articles.imageAssetId, before.image))),
      ...audit(ctx, id, 'upload', before.image ? 'image replaced' : 'image added'),
    ],
    holds: (assetId) =>
      sql`EXISTS (SELECT 1 FROM ${articles} WHERE ${articles.id} = ${id} AND ${articles.imageAssetId} = ${assetId})`,
  });
  return getArticle(ctx, id);
}

/** Pairs the episodes in order (and marks the article updated, so its feeds change). */
export async function pairEpisodes(
  ctx: EditorContext,
  id: number,
  episodeIds: readonly number[],
  condition?: WriteCondition,
) {
  const { expected } = await articleForWrite(ctx, id, condition);
  if (episodeIds.length > 0) {
    const found = await ctx.db
      .select({ id: episodes.id })
      .from(episodes)
      .where(inArray(episodes.id, [...episodeIds]));
    const missing = episodeIds.filter((e) => !found.some((f) => f.id === e));
    if (missing.length > 0) throw new ValidationError(`no episode with id ${missing.join(', ')}`);
  }
  await guarded(() =>
    setArticleEpisodes(
      ctx.db,
      id,
      episodeIds,
      touchArticle(ctx, id, expected),
      ...audit(ctx, id, 'pair', episodeIds.length > 0 ? `episodes ${episodeIds.join(', ')}` : 'no episodes'),
    ),
  );
  return getArticle(ctx, id);
}
