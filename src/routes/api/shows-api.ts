// /api/v1/shows: list, create, read, edit, delete shows, upload artwork.
import { createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import {
  createShow,
  deleteShow,
  getShow,
  listShowRecords,
  type ShowFields,
  updateShow,
} from '../../catalog/editor/shows.ts';
import { publishUpload, storeUpload } from '../../catalog/editor/uploads.ts';
import { showView } from '../../catalog/editor/views.ts';
import { shows } from '../../db/schema.ts';
import {
  apiRouter,
  BEARER,
  changed,
  declaredLength,
  editorContext,
  json,
  jsonBody,
  READ_PROBLEMS,
  UPLOAD_PROBLEMS,
  uploadContext,
  WRITE_PROBLEMS,
} from './openapi-helpers.ts';
import { IdParam, ShowInput, ShowPatch, ShowView } from './schemas.ts';

const tags = ['Shows'];
const binary = { schema: { type: 'string' as const, format: 'binary' } };

export function showsApi() {
  const api = apiRouter();
  const view = (
    c: { var: { deps: { config: { baseUrl: string } } } },
    r: Awaited<ReturnType<typeof getShow>>,
  ) => showView(c.var.deps.config.baseUrl, r.show, r.artwork);

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
      changed(c);
      return c.json(view(c, record), 201);
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
    async (c) => c.json(view(c, await getShow(editorContext(c), c.req.valid('param').id)), 200),
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
      );
      changed(c);
      return c.json(view(c, record), 200);
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
      await deleteShow(editorContext(c), c.req.valid('param').id);
      changed(c);
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: 'put',
      path: '/shows/{id}/artwork',
      tags,
      summary: 'Upload the show artwork: square JPEG or PNG, 1400–3000 pixels (Apple Podcasts)',
      security: BEARER,
      request: {
        params: IdParam,
        body: { content: { 'image/jpeg': binary, 'image/png': binary }, required: true },
      },
      responses: { 200: json(ShowView, 'Stored.'), ...UPLOAD_PROBLEMS },
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      const ctx = uploadContext(c, c.var.deps.config.maxUploadBytes);
      const before = await getShow(ctx, id);
      const asset = await storeUpload(
        ctx,
        { body: c.req.raw.body, declaredLength: declaredLength(c) },
        'artwork',
        `shows/${before.show.slug}/artwork`,
      );
      await publishUpload(ctx, asset, before.artwork, (assetId) =>
        ctx.db.update(shows).set({ artworkAssetId: assetId, updatedAt: ctx.now }).where(eq(shows.id, id)),
      );
      changed(c);
      return c.json(view(c, await getShow(ctx, id)), 200);
    },
  );

  return api;
}
