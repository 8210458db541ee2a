// /api/v1/articles: list, create, read, edit, delete, publish, pair episodes, upload the image.
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  type ArticleRecord,
  articleViewOf,
  attachArticleImage,
  createArticle,
  deleteArticle,
  getArticle,
  isLiveArticle,
  listArticles,
  pairEpisodes,
  publishArticle,
  unpublishArticle,
  updateArticle,
} from '../../catalog/editor/articles.ts';
import type { AppEnv } from '../../deps.ts';
import { NotFoundError } from '../../errors.ts';
import { ATTACH_CONTENT, ATTACH_DESCRIPTION, fileSource } from './file-source.ts';
import {
  apiRouter,
  BEARER,
  changed,
  editorContext,
  json,
  jsonBody,
  NEWS_CHANGED,
  READ_PROBLEMS,
  tagRecord,
  UPLOAD_PROBLEMS,
  uploadContext,
  WRITE_PROBLEMS,
  writeCondition,
  written,
} from './openapi-helpers.ts';
import {
  ArticleInput,
  ArticlePatch,
  ArticleView,
  IdParam,
  ListQuery,
  listOf,
  PairingInput,
  PublishInput,
} from './schemas.ts';

const tags = ['Articles'];
const PAGE_SIZE = 50;
const binary = { schema: { type: 'string' as const, format: 'binary' } };

export function articlesApi() {
  const api = apiRouter();
  const view = (c: Context<AppEnv>, r: ArticleRecord) => articleViewOf(editorContext(c), r);

  api.openapi(
    createRoute({
      method: 'get',
      path: '/articles',
      tags,
      summary: 'List articles, newest first (drafts and scheduled ones only with the admin token)',
      request: { query: ListQuery },
      responses: { 200: json(listOf(ArticleView, 'ArticleList'), 'A page of articles.') },
    }),
    async (c) => {
      const ctx = editorContext(c);
      const { page } = c.req.valid('query');
      const { ids, total } = await listArticles(ctx, { admin: c.var.admin, page, pageSize: PAGE_SIZE });
      const items = await Promise.all(ids.map(async (id) => view(c, await getArticle(ctx, id))));
      return c.json({ items, total, page, pageSize: PAGE_SIZE }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/articles',
      tags,
      summary: 'Create an article (as a draft)',
      security: BEARER,
      request: jsonBody(ArticleInput),
      responses: { 201: json(ArticleView, 'Created.'), ...WRITE_PROBLEMS },
    }),
    async (c) => {
      const record = await createArticle(editorContext(c), c.req.valid('json'));
      await changed(c, NEWS_CHANGED);
      const body = view(c, record);
      await tagRecord(c, body);
      return c.json(body, 201);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/articles/{id}',
      tags,
      summary: 'Read an article',
      request: { params: IdParam },
      responses: { 200: json(ArticleView, 'The article.'), ...READ_PROBLEMS },
    }),
    async (c) => {
      const record = await getArticle(editorContext(c), c.req.valid('param').id);
      // Drafts and scheduled articles exist only for the admin.
      if (!isLiveArticle(record, c.var.deps.now()) && !c.var.admin)
        throw new NotFoundError(`there is no article ${record.article.id}`);
      const body = view(c, record);
      if ((await tagRecord(c, body)) === 'not-modified') return c.body(null, 304);
      return c.json(body, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'patch',
      path: '/articles/{id}',
      tags,
      summary: 'Edit an article (a new slug redirects the old URL)',
      security: BEARER,
      request: { params: IdParam, ...jsonBody(ArticlePatch) },
      responses: { 200: json(ArticleView, 'Updated.'), ...WRITE_PROBLEMS },
    }),
    async (c) => {
      const record = await updateArticle(
        editorContext(c),
        c.req.valid('param').id,
        c.req.valid('json'),
        writeCondition(c),
      );
      await changed(c, NEWS_CHANGED);
      return written(c, view(c, record));
    },
  );

  api.openapi(
    createRoute({
      method: 'delete',
      path: '/articles/{id}',
      tags,
      summary: 'Delete an article (its URL then answers 410 Gone)',
      security: BEARER,
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted.' }, ...WRITE_PROBLEMS },
    }),
    async (c) => {
      await deleteArticle(editorContext(c), c.req.valid('param').id, writeCondition(c));
      await changed(c, NEWS_CHANGED);
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/articles/{id}/publish',
      tags,
      summary: 'Publish now, or schedule with a future `at`',
      security: BEARER,
      request: { params: IdParam, ...jsonBody(PublishInput) },
      responses: { 200: json(ArticleView, 'Published or scheduled.'), ...WRITE_PROBLEMS },
    }),
    async (c) => {
      const { at } = c.req.valid('json');
      const record = await publishArticle(
        editorContext(c),
        c.req.valid('param').id,
        at ? new Date(at) : undefined,
        writeCondition(c),
      );
      await changed(c, NEWS_CHANGED);
      return written(c, view(c, record));
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/articles/{id}/unpublish',
      tags,
      summary: 'Take back to draft',
      security: BEARER,
      request: { params: IdParam },
      responses: { 200: json(ArticleView, 'Now a draft.'), ...WRITE_PROBLEMS },
    }),
    async (c) => {
      const record = await unpublishArticle(editorContext(c), c.req.valid('param').id, writeCondition(c));
      await changed(c, NEWS_CHANGED);
      return written(c, view(c, record));
    },
  );

  api.openapi(
    createRoute({
      method: 'put',
      path: '/articles/{id}/episodes',
      tags,
      summary: 'Set the episodes the article carries, in order (pair, reorder, unpair)',
      security: BEARER,
      request: { params: IdParam, ...jsonBody(PairingInput) },
      responses: { 200: json(ArticleView, 'The new pairing.'), ...WRITE_PROBLEMS },
    }),
    async (c) => {
      const record = await pairEpisodes(
        editorContext(c),
        c.req.valid('param').id,
        c.req.valid('json').episodeIds,
        writeCondition(c),
      );
      await changed(c, NEWS_CHANGED);
      return written(c, view(c, record));
    },
  );

  api.openapi(
    createRoute({
      method: 'put',
      path: '/articles/{id}/image',
      tags,
      summary: 'Upload the article image (JPEG, PNG or WebP, as the raw body)',
      description: ATTACH_DESCRIPTION,
      security: BEARER,
      request: {
        params: IdParam,
        body: {
          content: { 'image/jpeg': binary, 'image/png': binary, 'image/webp': binary, ...ATTACH_CONTENT },
          required: true,
        },
      },
      responses: { 200: json(ArticleView, 'Stored.'), ...UPLOAD_PROBLEMS },
    }),
    async (c) => {
      const record = await attachArticleImage(
        uploadContext(c, c.var.deps.config.maxUploadBytes),
        c.req.valid('param').id,
        await fileSource(c),
        writeCondition(c),
      );
      await changed(c, NEWS_CHANGED);
      return written(c, view(c, record));
    },
  );

  return api;
}
