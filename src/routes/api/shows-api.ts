// /api/v1/shows: list, create, read, edit, delete shows, upload artwork.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  attachShowArtwork,
  createShow,
  deleteShow,
  getShow,
  listShowRecords,
  type ShowFields,
  type ShowRecord,
  showViewOf,
  updateShow,
} from '../../catalog/editor/shows.ts';
import type { AppEnv } from '../../deps.ts';
import { ATTACH_CONTENT, ATTACH_DESCRIPTION, fileSource } from './file-source.ts';
import {
  apiRouter,
  BEARER,
  changed,
  editorContext,
  json,
  jsonBody,
  READ_PROBLEMS,
  tagRecord,
  UPLOAD_PROBLEMS,
  uploadContext,
  WRITE_PROBLEMS,
  writeCondition,
  written,
} from './openapi-helpers.ts';
import { IdParam, ShowInput, ShowPatch, ShowView } from './schemas.ts';

const tags = ['Shows'];
const binary = { schema: { type: 'string' as const, format: 'binary' } };

export function showsApi() {
  const api = apiRouter();
  const view = (c: Context<AppEnv>, r: ShowRecord) => showViewOf(editorContext(c), r);

  api.openapi(
    createRoute({
      method: 'get',
      path: '/shows',
      tags,
      summary: 'List shows',
      responses: { 200: json(z.object({ items: z.array(ShowView) }), 'Every show.') },
    }),
    async (c) => c.json({ items: (await listShowRecords(editorContext(c))).map((r) => view(c, r)) }, 200),
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/shows',
      tags,
      summary: 'Create a show (its podcast:guid is fixed now, for good)',
      security: BEARER,
      request: jsonBody(ShowInput),
      responses: { 201: json(ShowView, 'Created.'), ...WRITE_PROBLEMS },
    }),
    async (c) => {
      const record = await createShow(editorContext(c), c.req.valid('json') as ShowFields);
      await changed(c, { shows: [record.show.id], news: true });
      const body = view(c, record);
      await tagRecord(c, body);
      return c.json(body, 201);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/shows/{id}',
      tags,
      summary: 'Read a show',
      request: { params: IdParam },
      responses: { 200: json(ShowView, 'The show.'), ...READ_PROBLEMS },
    }),
    async (c) => {
      const body = view(c, await getShow(editorContext(c), c.req.valid('param').id));
      if ((await tagRecord(c, body)) === 'not-modified') return c.body(null, 304);
      return c.json(body, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'patch',
      path: '/shows/{id}',
      tags,
      summary:
        'Edit a show (a new slug redirects the show page, feed and episode pages; newFeedUrl moves the feed)',
      security: BEARER,
      request: { params: IdParam, ...jsonBody(ShowPatch) },
      responses: { 200: json(ShowView, 'Updated.'), ...WRITE_PROBLEMS },
    }),
    async (c) => {
      const record = await updateShow(
        editorContext(c),
        c.req.valid('param').id,
        c.req.valid('json') as Partial<ShowFields>,
        writeCondition(c),
      );
      await changed(c, { shows: [record.show.id], news: true });
      return written(c, view(c, record));
    },
  );

  api.openapi(
    createRoute({
      method: 'delete',
      path: '/shows/{id}',
      tags,
      summary: 'Delete a show that has no episodes',
      security: BEARER,
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted.' }, ...WRITE_PROBLEMS },
    }),
    async (c) => {
      await deleteShow(editorContext(c), c.req.valid('param').id, writeCondition(c));
      await changed(c, { shows: [c.req.valid('param').id], news: true });
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: 'put',
      path: '/shows/{id}/artwork',
      tags,
      summary: 'Upload the show artwork: square JPEG or PNG, 1400–3000 pixels (Apple Podcasts)',
      description: ATTACH_DESCRIPTION,
      security: BEARER,
      request: {
        params: IdParam,
        body: { content: { 'image/jpeg': binary, 'image/png': binary, ...ATTACH_CONTENT }, required: true },
      },
      responses: { 200: json(ShowView, 'Stored.'), ...UPLOAD_PROBLEMS },
    }),
    async (c) => {
      const record = await attachShowArtwork(
        uploadContext(c, c.var.deps.config.maxUploadBytes),
        c.req.valid('param').id,
        await fileSource(c),
        writeCondition(c),
      );
      await changed(c, { shows: [record.show.id], news: true });
      return written(c, view(c, record));
    },
  );

  return api;
}
