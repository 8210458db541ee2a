// /api/v1/episodes: list, create, read, edit, delete, publish; upload audio, image, transcript, chapters, alternates.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  addEpisodeAlternate,
  attachEpisodeFile,
  type EpisodeFileSlot,
  removeEpisodeAlternate,
} from '../../catalog/editor/episode-files.ts';
import {
  createEpisode,
  deleteEpisode,
  type EpisodeRecord,
  episodeViewOf,
  getEpisode,
  isLiveEpisode,
  listEpisodes,
  publishEpisode,
  unpublishEpisode,
  updateEpisode,
} from '../../catalog/editor/episodes.ts';
import type { AppEnv } from '../../deps.ts';
import { NotFoundError } from '../../errors.ts';
import { ATTACH_CONTENT, ATTACH_DESCRIPTION, fileSource } from './file-source.ts';
import {
  apiRouter,
  BEARER,
  changed,
  declaredLength,
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
import { decimalId, text } from './schema-kit.ts';
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

const view = (c: Context<AppEnv>, r: EpisodeRecord) => episodeViewOf(editorContext(c), r);
/** The slots a finished tus upload can be attached to (transcripts and chapters are JSON files themselves). */
const ATTACHES: ReadonlySet<EpisodeFileSlot> = new Set(['audio', 'image']);

/** What each single-file upload is and says in the API document. */
const SINGLE_UPLOADS = {
  audio: {
    summary: 'Upload or replace the audio (the GUID stays; size, type and length are probed)',
    types: AUDIO_TYPES,
  },
  image: {
    summary: 'Upload the episode artwork: square JPEG or PNG, 1400–3000 pixels',
    types: { 'image/jpeg': binary, 'image/png': binary },
  },
  transcript: {
    summary: 'Upload the transcript (WebVTT, SRT, JSON or HTML)',
    types: {
      'text/vtt': binary,
      'application/x-subrip': binary,
      'application/json': binary,
      'text/html': binary,
    },
  },
  chapters: {
    summary: 'Upload a JSON chapters file (it replaces the chapters found in the audio)',
    types: { 'application/json+chapters': binary, 'application/json': binary },
  },
} as const satisfies Record<EpisodeFileSlot, { summary: string; types: object }>;

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
          showId: decimalId()
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
      await changed(c, { shows: [record.episode.showId], news: true });
      const body = view(c, record);
      await tagRecord(c, body);
      return c.json(body, 201);
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
      if (!isLiveEpisode(record, c.var.deps.now()) && !c.var.admin)
        throw new NotFoundError(`there is no episode ${record.episode.id}`);
      const body = view(c, record);
      if ((await tagRecord(c, body)) === 'not-modified') return c.body(null, 304);
      return c.json(body, 200);
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
      const record = await updateEpisode(
        editorContext(c),
        c.req.valid('param').id,
        c.req.valid('json'),
        writeCondition(c),
      );
      await changed(c, { shows: [record.episode.showId], news: true });
      return written(c, view(c, record));
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
      const deleted = await deleteEpisode(
        { ...editorContext(c), media: c.var.deps.media },
        c.req.valid('param').id,
        writeCondition(c),
      );
      await changed(c, { shows: [deleted.showId], news: true });
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
        writeCondition(c),
      );
      await changed(c, { shows: [record.episode.showId], news: true });
      return written(c, view(c, record));
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
      const record = await unpublishEpisode(editorContext(c), c.req.valid('param').id, writeCondition(c));
      await changed(c, { shows: [record.episode.showId], news: true });
      return written(c, view(c, record));
    },
  );

  for (const [slot, spec] of Object.entries(SINGLE_UPLOADS) as [
    EpisodeFileSlot,
    (typeof SINGLE_UPLOADS)[EpisodeFileSlot],
  ][]) {
    api.openapi(
      createRoute({
        method: 'put',
        path: `/episodes/{id}/${slot}`,
        tags,
        summary: spec.summary,
        description: ATTACHES.has(slot)
          ? ATTACH_DESCRIPTION
          : 'Send the file as the raw request body. What it is is decided by its content, not its name or Content-Type.',
        security: BEARER,
        request: {
          params: IdParam,
          body: {
            content: ATTACHES.has(slot) ? { ...spec.types, ...ATTACH_CONTENT } : spec.types,
            required: true,
          },
        },
        responses: {
          200: json(EpisodeView, 'Stored (or unchanged: the same bytes again).'),
          ...UPLOAD_PROBLEMS,
        },
      }),
      async (c) => {
        const { record, changed: didChange } = await attachEpisodeFile(
          uploadContext(c, c.var.deps.config.maxUploadBytes),
          c.req.valid('param').id,
          slot,
          ATTACHES.has(slot)
            ? await fileSource(c)
            : { body: c.req.raw.body, declaredLength: declaredLength(c) },
          writeCondition(c),
        );
        if (didChange) await changed(c, { shows: [record.episode.showId], news: true });
        return written(c, view(c, record));
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
          title: text(200)
            .default('')
            .openapi({ param: { name: 'title', in: 'query' } }),
        }),
        body: { content: AUDIO_TYPES, required: true },
      },
      responses: { 200: json(EpisodeView, 'Added.'), ...UPLOAD_PROBLEMS },
    }),
    async (c) => {
      const record = await addEpisodeAlternate(
        uploadContext(c, c.var.deps.config.maxUploadBytes),
        c.req.valid('param').id,
        c.req.valid('query').title,
        { body: c.req.raw.body, declaredLength: declaredLength(c) },
        writeCondition(c),
      );
      await changed(c, { shows: [record.episode.showId], news: true });
      return written(c, view(c, record));
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
          assetId: decimalId().openapi({ param: { name: 'assetId', in: 'path' } }),
        }),
      },
      responses: { 200: json(EpisodeView, 'Removed.'), ...WRITE_PROBLEMS },
    }),
    async (c) => {
      const { id, assetId } = c.req.valid('param');
      const record = await removeEpisodeAlternate(editorContext(c), id, assetId, writeCondition(c));
      await changed(c, { shows: [record.episode.showId], news: true });
      return written(c, view(c, record));
    },
  );

  return api;
}
