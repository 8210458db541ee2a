// /api/v1/episodes: list, create, read, edit, delete, publish; upload audio, image, transcript, chapters, alternates.
import { createRoute, z } from '@hono/zod-openapi';
import { and, eq, max } from 'drizzle-orm';
import type { Context } from 'hono';
import {
  createEpisode,
  deleteEpisode,
  type EpisodeRecord,
  getEpisode,
  listEpisodes,
  publishEpisode,
  unpublishEpisode,
  updateEpisode,
} from '../../catalog/editor/episodes.ts';
import { publishUpload, storeUpload, type UploadKind } from '../../catalog/editor/uploads.ts';
import { episodeView } from '../../catalog/editor/views.ts';
import { isLiveRecord } from '../../db/queries/visibility.ts';
import { episodeAlternates, episodes, type MediaAsset } from '../../db/schema.ts';
import type { AppEnv } from '../../deps.ts';
import { NotFoundError } from '../../errors.ts';
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
import {
  EpisodeInput,
  EpisodePatch,
  EpisodeView,
  IdParam,
  ListQuery,
  listOf,
  PublishInput,
} from './schemas.ts';

const tags = ['Episodes'];
const PAGE_SIZE = 50;
const binary = { schema: { type: 'string' as const, format: 'binary' } };
const AUDIO_TYPES = {
  'audio/mpeg': binary,
  'audio/mp4': binary,
  'audio/x-m4a': binary,
  'audio/ogg': binary,
  'audio/flac': binary,
};

const view = (c: Context<AppEnv>, r: EpisodeRecord) =>
  episodeView(c.var.deps.config.baseUrl, r.showSlug, r.episode, r);

/** The asset column each single-file upload sets, and what the file must be. */
const SINGLE_UPLOADS = {
  audio: {
    kind: 'audio',
    column: 'audioAssetId',
    current: 'audio',
    summary: 'Upload or replace the audio (the GUID stays; size, type and length are probed)',
    types: AUDIO_TYPES,
  },
  image: {
    kind: 'artwork',
    column: 'imageAssetId',
    current: 'image',
    summary: 'Upload the episode artwork: square JPEG or PNG, 1400–3000 pixels',
    types: { 'image/jpeg': binary, 'image/png': binary },
  },
  transcript: {
    kind: 'transcript',
    column: 'transcriptAssetId',
    current: 'transcript',
    summary: 'Upload the transcript (WebVTT, SRT, JSON or HTML)',
    types: {
      'text/vtt': binary,
      'application/x-subrip': binary,
      'application/json': binary,
      'text/html': binary,
    },
  },
  chapters: {
    kind: 'chapters',
    column: 'chaptersAssetId',
    current: 'chapters',
    summary: 'Upload a JSON chapters file (it replaces the chapters found in the audio)',
    types: { 'application/json+chapters': binary, 'application/json': binary },
  },
} as const satisfies Record<
  string,
  {
    kind: UploadKind;
    column: keyof typeof episodes.$inferInsert;
    current: keyof EpisodeRecord;
    summary: string;
    types: object;
  }
>;

export function episodesApi() {
  const api = apiRouter();

  api.openapi(
    createRoute({
      method: 'get',
      path: '/episodes',
      tags,
      summary: 'List episodes, newest first (drafts and scheduled ones only with the admin token)',
      request: {
        query: ListQuery.extend({
          showId: z.coerce
            .number()
            .int()
            .positive()
            .optional()
            .openapi({ param: { name: 'showId', in: 'query' } }),
        }),
      },
      responses: { 200: json(listOf(EpisodeView, 'EpisodeList'), 'A page of episodes.') },
    }),
    async (c) => {
      const ctx = editorContext(c);
      const { page, showId } = c.req.valid('query');
      const { ids, total } = await listEpisodes(ctx, {
        admin: c.var.admin,
        showId,
        page,
        pageSize: PAGE_SIZE,
      });
      const items = await Promise.all(ids.map(async (id) => view(c, await getEpisode(ctx, id))));
      return c.json({ items, total, page, pageSize: PAGE_SIZE }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/episodes',
      tags,
      summary: 'Create an episode (as a draft)',
      security: BEARER,
      request: jsonBody(EpisodeInput),
      responses: { 201: json(EpisodeView, 'Created.'), ...WRITE_PROBLEMS },
    }),
    async (c) => {
      const record = await createEpisode(editorContext(c), c.req.valid('json'));
      changed(c);
      return c.json(view(c, record), 201);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/episodes/{id}',
      tags,
      summary: 'Read an episode',
      request: { params: IdParam },
      responses: { 200: json(EpisodeView, 'The episode.'), ...READ_PROBLEMS },
    }),
    async (c) => {
      const record = await getEpisode(editorContext(c), c.req.valid('param').id);
      if (!isLiveRecord(record.episode, c.var.deps.now()) && !c.var.admin)
        throw new NotFoundError(`there is no episode ${record.episode.id}`);
      return c.json(view(c, record), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'patch',
      path: '/episodes/{id}',
      tags,
      summary: 'Edit an episode (its GUID is fixed once published; a new slug redirects)',
      security: BEARER,
      request: { params: IdParam, ...jsonBody(EpisodePatch) },
      responses: { 200: json(EpisodeView, 'Updated.'), ...WRITE_PROBLEMS },
    }),
    async (c) => {
      const record = await updateEpisode(editorContext(c), c.req.valid('param').id, c.req.valid('json'));
      changed(c);
      return c.json(view(c, record), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'delete',
      path: '/episodes/{id}',
      tags,
      summary: 'Delete an episode (its page and media then answer 410 Gone)',
      security: BEARER,
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted.' }, ...WRITE_PROBLEMS },
    }),
    async (c) => {
      await deleteEpisode({ ...editorContext(c), media: c.var.deps.media }, c.req.valid('param').id);
      changed(c);
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/episodes/{id}/publish',
      tags,
      summary: 'Publish now, or schedule with a future `at` (needs audio; serial shows need a number)',
      security: BEARER,
      request: { params: IdParam, ...jsonBody(PublishInput) },
      responses: { 200: json(EpisodeView, 'Published or scheduled.'), ...WRITE_PROBLEMS },
    }),
    async (c) => {
      const { at } = c.req.valid('json');
      const record = await publishEpisode(
        editorContext(c),
        c.req.valid('param').id,
        at ? new Date(at) : undefined,
      );
      changed(c);
      return c.json(view(c, record), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/episodes/{id}/unpublish',
      tags,
      summary: 'Take back to draft',
      security: BEARER,
      request: { params: IdParam },
      responses: { 200: json(EpisodeView, 'Now a draft.'), ...WRITE_PROBLEMS },
    }),
    async (c) => {
      const record = await unpublishEpisode(editorContext(c), c.req.valid('param').id);
      changed(c);
      return c.json(view(c, record), 200);
    },
  );

  for (const [name, spec] of Object.entries(SINGLE_UPLOADS)) {
    api.openapi(
      createRoute({
        method: 'put',
        path: `/episodes/{id}/${name}`,
        tags,
        summary: spec.summary,
        description:
          'Send the file as the raw request body. What it is is decided by its content, not its name or Content-Type.',
        security: BEARER,
        request: { params: IdParam, body: { content: spec.types, required: true } },
        responses: {
          200: json(EpisodeView, 'Stored (or unchanged: the same bytes again).'),
          ...UPLOAD_PROBLEMS,
        },
      }),
      async (c) => {
        const id = c.req.valid('param').id;
        const ctx = uploadContext(c, c.var.deps.config.maxUploadBytes);
        const before = await getEpisode(ctx, id);
        const keyBase = `shows/${before.showSlug}/${before.episode.slug}${name === 'audio' ? '' : `-${name}`}`;
        const asset = await storeUpload(
          ctx,
          { body: c.req.raw.body, declaredLength: declaredLength(c) },
          spec.kind,
          keyBase,
        );
        const { changed: didChange } = await publishUpload(
          ctx,
          asset,
          before[spec.current] as MediaAsset | null,
          (assetId) =>
            ctx.db
              .update(episodes)
              .set({ [spec.column]: assetId, updatedAt: ctx.now })
              .where(eq(episodes.id, id)),
        );
        if (didChange) changed(c);
        return c.json(view(c, await getEpisode(ctx, id)), 200);
      },
    );
  }

  api.openapi(
    createRoute({
      method: 'post',
      path: '/episodes/{id}/alternates',
      tags,
      summary: 'Add another encoding of the audio (podcast:alternateEnclosure)',
      security: BEARER,
      request: {
        params: IdParam,
        query: z.object({
          title: z
            .string()
            .max(200)
            .default('')
            .openapi({ param: { name: 'title', in: 'query' } }),
        }),
        body: { content: AUDIO_TYPES, required: true },
      },
      responses: { 200: json(EpisodeView, 'Added.'), ...UPLOAD_PROBLEMS },
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      const ctx = uploadContext(c, c.var.deps.config.maxUploadBytes);
      const before = await getEpisode(ctx, id);
      const asset = await storeUpload(
        ctx,
        { body: c.req.raw.body, declaredLength: declaredLength(c) },
        'audio',
        `shows/${before.showSlug}/${before.episode.slug}-alt`,
      );
      const [last] = await ctx.db
        .select({ n: max(episodeAlternates.position) })
        .from(episodeAlternates)
        .where(eq(episodeAlternates.episodeId, id));
      await publishUpload(ctx, asset, null, (assetId) =>
        ctx.db.insert(episodeAlternates).values({
          episodeId: id,
          assetId,
          position: (last?.n ?? -1) + 1,
          title: c.req.valid('query').title,
        }),
      );
      await ctx.db.update(episodes).set({ updatedAt: ctx.now }).where(eq(episodes.id, id));
      changed(c);
      return c.json(view(c, await getEpisode(ctx, id)), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'delete',
      path: '/episodes/{id}/alternates/{assetId}',
      tags,
      summary: 'Remove an alternate encoding',
      security: BEARER,
      request: {
        params: IdParam.extend({
          assetId: z.coerce
            .number()
            .int()
            .positive()
            .openapi({ param: { name: 'assetId', in: 'path' } }),
        }),
      },
      responses: { 200: json(EpisodeView, 'Removed.'), ...WRITE_PROBLEMS },
    }),
    async (c) => {
      const { id, assetId } = c.req.valid('param');
      const ctx = editorContext(c);
      await getEpisode(ctx, id);
      await ctx.db.batch([
        ctx.db
          .delete(episodeAlternates)
          .where(and(eq(episodeAlternates.episodeId, id), eq(episodeAlternates.assetId, assetId))),
        ctx.db.update(episodes).set({ updatedAt: ctx.now }).where(eq(episodes.id, id)),
      ]);
      changed(c);
      return c.json(view(c, await getEpisode(ctx, id)), 200);
    },
  );

  return api;
}
